package ru.edu.decisions.rules.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a rule file may say besides rules: a rule decides from the facts it is given and builds facts and texts, so
 * it needs the domain model, the rule functions, collections, dates and numbers — and nothing that reaches the
 * machine it runs on. Rule files come from policy staff (drafts are compiled and tried on sample data before anyone
 * approves them), and DRL consequences are Java: this check keeps that Java to the rule vocabulary, so a rule file
 * can never read files, the environment or the database, start threads or processes, or use reflection.
 *
 * <p>The check is lexical, for a message a policy officer can act on: comments and string literals (text blocks
 * too) are ignored, then every import must name an allowed package, every qualified name in the code must lie in
 * one, and none of the listed words may appear. Each refusal names the file, the line and the word. A lexical check
 * can be outwitted; the guarantee is {@link GeneratedCodePolicy}, which checks what the compiled code calls.
 */
final class RuleFilePolicy {

    /** Packages (and classes) a rule file may import or name. */
    private static final List<String> ALLOWED_PACKAGES = List.of(
            "java.util", "java.util.function", "java.time", "java.time.format", "java.time.temporal",
            "java.math",
            "ru.edu.decisions.model", "ru.edu.decisions.model.eligibility", "ru.edu.decisions.model.routes",
            "ru.edu.decisions.model.mentoring",
            "ru.edu.decisions.rules.dsl", "ru.edu.decisions.rules.routes", "ru.edu.decisions.rules.mentoring",
            "ru.edu.decisions.rules.indicators");

    /** Words that open a package name: a qualified name starting with one must lie in an allowed package. */
    private static final Set<String> PACKAGE_ROOTS = Set.of("java", "javax", "jdk", "sun", "com", "org", "jakarta", "ru");

    /** Words no rule needs: the ways out of the rule vocabulary (system, threads, reflection, I/O, engine internals). */
    private static final Set<String> FORBIDDEN = Set.of(
            "System", "Runtime", "Process", "ProcessBuilder", "ProcessHandle", "Thread", "ThreadGroup", "ThreadLocal",
            "InheritableThreadLocal", "Class", "ClassLoader", "ClassValue", "Module", "ModuleLayer", "StackWalker",
            "SecurityManager", "Compiler", "getClass", "forName", "getDeclaredMethod", "getDeclaredMethods",
            "getDeclaredField", "getDeclaredFields", "getDeclaredConstructor", "getDeclaredConstructors", "getMethod",
            "getMethods", "getField", "getFields", "getConstructor", "getConstructors", "setAccessible", "newInstance",
            "invoke", "MethodHandles", "MethodHandle", "VarHandle", "Unsafe", "reflect", "ServiceLoader", "Scanner",
            "Formatter", "Timer", "TimerTask", "Properties", "ResourceBundle", "PropertyResourceBundle", "concurrent",
            "logging", "prefs", "zip", "jar", "spi", "getKieRuntime", "getKnowledgeRuntime", "getKieBase",
            "getWorkingMemory", "getEnvironment", "getChannels", "getGlobals", "getenv", "getProperty", "getProperties",
            "setProperty", "exit", "halt", "exec", "load", "loadLibrary", "sleep", "wait", "notify", "notifyAll",
            "class", "while", "do", "for", "synchronized", "native", "dialect", "engine", "service", "getDeclaringClass",
            "getClassLoader", "getProtectionDomain", "setDefault", "JShell");

    private static final Pattern IMPORT = Pattern.compile("^\\s*import\\s+(static\\s+)?([\\w.]+?)(\\.\\*)?\\s*;?\\s*$");
    private static final Pattern WORD = Pattern.compile("[\\p{L}_$][\\p{L}\\p{N}_$]*");

    private RuleFilePolicy() {
    }

    /** The problems of one rule file; none when it keeps to the rule vocabulary. */
    static List<CompileProblem> check(RuleFile file) {
        List<CompileProblem> problems = new ArrayList<>();
        String text = file.text();
        int escape = text.indexOf("\\u");
        if (escape >= 0) {
            problems.add(problem(file, lineAt(text, escape), "управляющие последовательности \\u… в файле правил не допускаются — "
                    + "пишите буквы как есть"));
        }
        String[] lines = codeOnly(text).split("\n", -1);
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.strip().startsWith("import ")) {
                Matcher imported = IMPORT.matcher(line);
                if (!imported.matches() || !allowedImport(imported.group(2), imported.group(1) != null, imported.group(3) != null)) {
                    problems.add(problem(file, i + 1, "импорт «" + line.strip() + "» не допускается: в правилах можно "
                            + "использовать только модель данных, функции правил, java.util, java.time и java.math"));
                }
                line = " ".repeat(line.length());
            }
            code.append(line).append('\n');
        }
        checkWords(file, code.toString(), problems);
        return problems;
    }

    /** Words and qualified names over the whole code: a name split over lines is still one name. */
    private static void checkWords(RuleFile file, String code, List<CompileProblem> problems) {
        Matcher word = WORD.matcher(code);
        int lastEnd = -1;
        Set<Integer> reported = new java.util.HashSet<>();
        while (word.find()) {
            String found = word.group();
            boolean continuesChain = lastEnd >= 0 && code.substring(lastEnd, word.start()).strip().equals(".");
            lastEnd = word.end();
            int line = lineAt(code, word.start());
            if (FORBIDDEN.contains(found)) {
                if (reported.add(line)) {
                    problems.add(problem(file, line, "слово «" + found + "» в правилах не допускается: правило решает "
                            + "по переданным ему сведениям и не обращается к системе, файлам, потокам или устройству движка"));
                }
            } else if (!continuesChain && PACKAGE_ROOTS.contains(found) && followedByDot(code, word.end())) {
                String qualified = qualifiedName(code, word.start());
                if (!allowedQualified(qualified) && reported.add(line)) {
                    problems.add(problem(file, line, "имя «" + qualified + "» в правилах не допускается: можно "
                            + "использовать только модель данных, функции правил, java.util, java.time и java.math"));
                }
            }
        }
    }

    private static boolean allowedImport(String name, boolean isStatic, boolean wildcard) {
        if (wildcard && !isStatic) {
            return ALLOWED_PACKAGES.contains(name);
        }
        int last = name.lastIndexOf('.');
        String owner = last < 0 ? "" : name.substring(0, last);
        if (isStatic && !wildcard) {
            // import static pkg.Class.member;
            int previous = owner.lastIndexOf('.');
            return previous > 0 && ALLOWED_PACKAGES.contains(owner.substring(0, previous))
                    && !FORBIDDEN.contains(owner.substring(previous + 1)) && !FORBIDDEN.contains(name.substring(last + 1));
        }
        // import pkg.Class; or import static pkg.Class.*;
        return ALLOWED_PACKAGES.contains(owner) && !FORBIDDEN.contains(name.substring(last + 1));
    }

    /** A qualified name in code is allowed when it names something inside an allowed package. */
    private static boolean allowedQualified(String qualified) {
        for (String allowed : ALLOWED_PACKAGES) {
            if (qualified.startsWith(allowed + ".")) {
                String rest = qualified.substring(allowed.length() + 1);
                if (!rest.isEmpty() && Character.isUpperCase(rest.charAt(0))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean followedByDot(String line, int from) {
        int i = from;
        while (i < line.length() && Character.isWhitespace(line.charAt(i))) {
            i++;
        }
        return i < line.length() && line.charAt(i) == '.';
    }

    private static String qualifiedName(String line, int from) {
        StringBuilder name = new StringBuilder();
        Matcher word = WORD.matcher(line);
        int at = from;
        while (word.find(at) && word.start() == skipSpaces(line, at)) {
            name.append(word.group());
            int next = skipSpaces(line, word.end());
            if (next < line.length() && line.charAt(next) == '.') {
                name.append('.');
                at = skipSpaces(line, next + 1);
            } else {
                break;
            }
        }
        return name.toString();
    }

    private static int skipSpaces(String line, int from) {
        int i = from;
        while (i < line.length() && Character.isWhitespace(line.charAt(i))) {
            i++;
        }
        return i;
    }

    /** The text with comments and string and character literals blanked out, line breaks kept. */
    static String codeOnly(String text) {
        StringBuilder code = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            char next = i + 1 < text.length() ? text.charAt(i + 1) : 0;
            if (c == '/' && next == '/') {
                while (i < text.length() && text.charAt(i) != '\n') {
                    code.append(' ');
                    i++;
                }
            } else if (c == '/' && next == '*') {
                int end = text.indexOf("*/", i + 2);
                int stop = end < 0 ? text.length() : end + 2;
                blank(text, i, stop, code);
                i = stop;
            } else if (c == '"' && text.startsWith("\"\"\"", i)) {
                int end = text.indexOf("\"\"\"", i + 3);
                while (end > 0 && text.charAt(end - 1) == '\\') {
                    end = text.indexOf("\"\"\"", end + 1);
                }
                int stop = end < 0 ? text.length() : end + 3;
                blank(text, i, stop, code);
                i = stop;
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < text.length() && text.charAt(j) != c && text.charAt(j) != '\n') {
                    j += text.charAt(j) == '\\' ? 2 : 1;
                }
                int stop = Math.min(text.length(), j + 1);
                blank(text, i, stop, code);
                i = stop;
            } else {
                code.append(c);
                i++;
            }
        }
        return code.toString();
    }

    private static void blank(String text, int from, int to, StringBuilder code) {
        for (int k = from; k < to; k++) {
            code.append(text.charAt(k) == '\n' ? '\n' : ' ');
        }
    }

    private static int lineAt(String text, int index) {
        return (int) text.substring(0, index).chars().filter(c -> c == '\n').count() + 1;
    }

    private static CompileProblem problem(RuleFile file, int line, String message) {
        return new CompileProblem(file.path(), line, ProblemLocator.ruleAt(file.text(), line), message);
    }
}
