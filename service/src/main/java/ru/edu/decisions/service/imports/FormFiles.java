package ru.edu.decisions.service.imports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.usermodel.HSSFDataFormatter;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagingURIHelper;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import ru.edu.decisions.rules.forms.Cell;
import ru.edu.decisions.service.common.ApiException;

/**
 * Opens an uploaded form — an {@code .xlsx} workbook or a {@code .docx} document holding the form as a table — and
 * returns its grids (one per sheet or per Word table). Anything else (another format, a password-protected or
 * damaged file, a zip bomb) is a 400 problem with a Russian message; nothing is read further.
 */
@Component
class FormFiles {

    private final ImportProperties limits;

    FormFiles(ImportProperties limits) {
        this.limits = limits;
        ZipSecureFile.setMinInflateRatio(limits.minInflateRatio());
        ZipSecureFile.setMaxEntrySize(limits.maxEntryBytes());
        ZipSecureFile.setMaxTextSize(limits.maxTextChars());
    }

    static ApiException refused(String detail) {
        return new ApiException(HttpStatus.BAD_REQUEST, "import-file", "Файл не принят", detail);
    }

    List<FormTable> read(byte[] bytes) {
        if (bytes.length == 0) {
            throw refused("Файл пуст");
        }
        if (bytes.length > limits.maxFileBytes()) {
            throw refused("Файл больше " + limits.maxFileBytes() / (1024 * 1024) + " МБ: разделите форму на несколько файлов");
        }
        FileMagic magic;
        try (InputStream in = FileMagic.prepareToCheckMagic(new ByteArrayInputStream(bytes))) {
            magic = FileMagic.valueOf(in);
        } catch (IOException e) {
            throw refused("Файл не читается");
        }
        if (magic == FileMagic.OLE2) {
            try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(bytes))) {
                if (fs.getRoot().hasEntryCaseInsensitive("EncryptionInfo") || fs.getRoot().hasEntryCaseInsensitive("EncryptedPackage")) {
                    throw refused("Файл защищён паролем: снимите пароль (Файл → Сведения → Защита) и загрузите снова");
                }
            } catch (IOException | RuntimeException e) {
                if (e instanceof ApiException api) {
                    throw api;
                }
            }
            throw refused("Файл в старом формате Excel/Word (.xls, .doc): сохраните его как .xlsx или .docx");
        }
        if (magic != FileMagic.OOXML) {
            throw refused("Это не таблица Excel (.xlsx) и не документ Word (.docx) с таблицей формы");
        }
        try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(bytes))) {
            if (pkg.getPartsByName(java.util.regex.Pattern.compile("/xl/workbook\\.xml")).size() == 1
                    || !pkg.getPartsByContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml").isEmpty()) {
                try (XSSFWorkbook workbook = new XSSFWorkbook(pkg)) {
                    return sheets(workbook);
                }
            }
            if (pkg.getPartsByName(java.util.regex.Pattern.compile("/word/document\\.xml")).size() == 1) {
                try (XWPFDocument document = new XWPFDocument(pkg)) {
                    return tables(document);
                }
            }
            throw refused("Это не таблица Excel (.xlsx) и не документ Word (.docx) с таблицей формы");
        } catch (ApiException e) {
            throw e;
        } catch (NotOfficeXmlFileException | InvalidFormatException e) {
            throw refused("Файл повреждён или это не таблица Excel/документ Word");
        } catch (IOException | RuntimeException e) {
            String message = String.valueOf(e.getMessage()) + (e.getCause() == null ? "" : " " + e.getCause().getMessage());
            if (message.contains("Zip bomb") || message.contains("exceed") || message.contains("max")) {
                throw refused("Файл разворачивается в слишком большой объём (возможна «zip-бомба»): такой файл не читается");
            }
            if (e instanceof EncryptedDocumentException) {
                throw refused("Файл защищён паролем: снимите пароль и загрузите снова");
            }
            throw refused("Файл повреждён и не читается: откройте его в Excel или Word и сохраните заново");
        }
    }

    // ---------------------------------------------------------------- Excel

    private List<FormTable> sheets(XSSFWorkbook workbook) {
        List<FormTable> tables = new ArrayList<>();
        DataFormatter formatter = new DataFormatter(new java.util.Locale("ru"));
        for (int s = 0; s < workbook.getNumberOfSheets(); s++) {
            XSSFSheet sheet = workbook.getSheetAt(s);
            List<FormTable.Row> rows = new ArrayList<>();
            int last = sheet.getLastRowNum();
            for (int r = 0; r <= last; r++) {
                XSSFRow row = sheet.getRow(r);
                if (row == null) {
                    continue;
                }
                List<Cell> cells = new ArrayList<>();
                short lastCell = row.getLastCellNum();
                for (int c = 0; c < Math.min(lastCell, 200); c++) {
                    cells.add(cell(row.getCell(c), formatter));
                }
                rows.add(new FormTable.Row(r + 1, row.getZeroHeight(), cells));
            }
            mergeRegions(sheet, rows);
            tables.add(new FormTable("лист «" + sheet.getSheetName() + "»", rows));
        }
        return tables;
    }

    /** A merged region's value (in its top-left cell) is the value of every cell of the region. */
    private static void mergeRegions(XSSFSheet sheet, List<FormTable.Row> rows) {
        if (sheet.getNumMergedRegions() == 0) {
            return;
        }
        java.util.Map<Integer, FormTable.Row> byNumber = new java.util.HashMap<>();
        rows.forEach(r -> byNumber.put(r.number(), r));
        for (CellRangeAddress region : sheet.getMergedRegions()) {
            FormTable.Row top = byNumber.get(region.getFirstRow() + 1);
            if (top == null || region.getFirstColumn() >= top.cells().size()) {
                continue;
            }
            Cell value = top.cells().get(region.getFirstColumn());
            int c = region.getFirstColumn();
            for (int r = region.getFirstRow() + 1; r <= region.getLastRow(); r++) {
                FormTable.Row row = byNumber.get(r + 1);
                if (row == null) {
                    continue;
                }
                while (row.cells().size() <= c) {
                    row.cells().add(Cell.of(""));
                }
                row.cells().set(c, value);
            }
        }
    }

    private static Cell cell(XSSFCell cell, DataFormatter formatter) {
        if (cell == null) {
            return Cell.of("");
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case NUMERIC -> {
                double number = cell.getNumericCellValue();
                if (DateUtil.isCellDateFormatted(cell) && DateUtil.isValidExcelDate(number)) {
                    LocalDate date = DateUtil.getLocalDateTime(number).toLocalDate();
                    yield new Cell(ru.edu.decisions.rules.forms.Dates.format(date), date, number);
                }
                String text = number == Math.rint(number) && Math.abs(number) < 1e15
                        ? String.valueOf((long) number) : String.valueOf(number).replace('.', ',');
                yield new Cell(text, null, number);
            }
            case STRING -> Cell.of(cell.getStringCellValue());
            case BOOLEAN -> Cell.of(cell.getBooleanCellValue() ? "да" : "нет");
            case ERROR -> Cell.of("");
            default -> Cell.of("");
        };
    }

    // ---------------------------------------------------------------- Word

    private static List<FormTable> tables(XWPFDocument document) {
        List<FormTable> tables = new ArrayList<>();
        int t = 0;
        for (XWPFTable table : document.getTables()) {
            t++;
            List<FormTable.Row> rows = new ArrayList<>();
            List<Cell> above = List.of();
            int r = 0;
            for (XWPFTableRow row : table.getRows()) {
                r++;
                List<Cell> cells = new ArrayList<>();
                for (XWPFTableCell cell : row.getTableCells()) {
                    CTTcPr properties = cell.getCTTc().getTcPr();
                    int span = properties != null && properties.getGridSpan() != null
                            ? properties.getGridSpan().getVal().intValue() : 1;
                    boolean continued = properties != null && properties.getVMerge() != null
                            && (properties.getVMerge().getVal() == null || properties.getVMerge().getVal() == STMerge.CONTINUE);
                    int at = cells.size();
                    Cell value = continued && at < above.size() ? above.get(at) : Cell.of(cellText(cell));
                    cells.add(value);
                    for (int k = 1; k < span; k++) {
                        cells.add(Cell.of(""));
                    }
                }
                rows.add(new FormTable.Row(r, false, cells));
                above = cells;
            }
            tables.add(new FormTable("таблица " + t + " документа", rows));
        }
        return tables;
    }

    private static String cellText(XWPFTableCell cell) {
        StringBuilder text = new StringBuilder();
        cell.getParagraphs().forEach(p -> {
            if (!text.isEmpty()) {
                text.append('\n');
            }
            text.append(p.getText());
        });
        return text.toString();
    }
}
