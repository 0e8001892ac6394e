package ru.edu.decisions.rules.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * What the Java compiled from rule files may call, checked on the bytecode before a single class of it is loaded.
 *
 * <p>Rule files come from policy staff, and a draft is compiled and tried on sample data before anyone approves it;
 * DRL consequences and functions are Java. {@link RuleFilePolicy} refuses the obvious with file and line; this check is
 * the guarantee behind it, whatever the source looked like: every method called, field read, object created, class
 * literal and method reference in the generated classes must belong to an allowed class — the domain model, the rule
 * functions, collections, dates and numbers, and the parts of Drools its generated code uses — and none may be one of
 * the members that lead out of them (reflection, class loaders, the system, the clock, global defaults, the engine's
 * runtime). The code may not loop (a backward jump) nor call itself (a cycle among its own methods): rules repeat by
 * matching facts and the engine limits firings, so every run of rule code ends after a number of steps its size bounds.
 */
final class GeneratedCodePolicy {

    /** Packages whose classes may be used in full (members still pass {@link #FORBIDDEN_MEMBERS}). */
    private static final List<String> ALLOWED_PACKAGES = List.of(
            "ru/edu/decisions/model/", "ru/edu/decisions/rules/dsl/", "ru/edu/decisions/rules/routes/",
            "ru/edu/decisions/rules/mentoring/", "ru/edu/decisions/rules/indicators/",
            "java/time/", "java/math/", "java/util/function/",
            "org/drools/model/", "org/drools/modelcompiler/", "org/drools/core/base/accumulators/",
            "org/kie/api/builder/model/", "org/kie/api/conf/");

    /** Classes directly in {@code java.util} that reach beyond the data: files, threads, global settings, the clock. */
    private static final Set<String> FORBIDDEN_JAVA_UTIL = Set.of("ServiceLoader", "Scanner", "Formatter", "Timer",
            "TimerTask", "Properties", "ResourceBundle", "PropertyResourceBundle", "ListResourceBundle", "Date", "Calendar",
            "GregorianCalendar", "TimeZone", "SimpleTimeZone", "Locale", "Random", "SplittableRandom");

    /** Classes of {@code java.lang} a rule may use: values, text, arithmetic, and the exceptions it may throw. */
    private static final Set<String> ALLOWED_JAVA_LANG = Set.of("Object", "String", "StringBuilder", "CharSequence",
            "Math", "StrictMath", "Integer", "Long", "Short", "Byte", "Double", "Float", "Boolean", "Character", "Number",
            "Enum", "Comparable", "Iterable", "Record", "Throwable", "Exception", "RuntimeException",
            "IllegalArgumentException", "IllegalStateException", "NullPointerException", "ArithmeticException",
            "IndexOutOfBoundsException", "UnsupportedOperationException", "ClassCastException");

    /** Members of otherwise allowed classes that must not be used from a rule. */
    private static final Map<String, Set<String>> ONLY_MEMBERS = Map.of(
            "java/lang/System", Set.of("arraycopy"),
            "java/util/Locale", Set.of("ENGLISH", "ROOT"),
            "org/drools/core/rule/consequence/KnowledgeHelper", Set.of("insert", "insertLogical", "update", "delete"),
            "org/drools/util/DateUtils", Set.of("getDateFormatMask"),
            "org/kie/api/KieServices", Set.of("get", "newKieModuleModel"),
            "org/kie/util/maven/support/ReleaseIdImpl", Set.of("<init>"));

    /** Members that lead out of the rule vocabulary, whichever allowed class they are reached through. */
    private static final Set<String> FORBIDDEN_MEMBERS = Set.of("getClass", "getClassLoader", "getDeclaringClass",
            "getContext", "getKieRuntime", "getKnowledgeRuntime", "getWorkingMemory", "getKieBase", "getEnvironment",
            "getChannels", "getGlobals", "getGlobal", "getSessionClock", "halt", "setDefault", "getenv", "getProperty",
            "getProperties", "setProperty", "exit", "forName", "newInstance", "invoke", "setAccessible", "getInteger",
            "getLong", "getBoolean", "matches", "replaceAll", "replaceFirst", "split", "iterate", "generate", "nCopies",
            "wait", "notify", "notifyAll", "printStackTrace", "now", "systemDefault", "systemDefaultZone", "systemUTC",
            "currentTimeMillis", "nanoTime", "parallelStream", "random", "randomUUID");

    /** Bootstrap methods of {@code invokedynamic}: lambdas and string concatenation only. */
    private static final Set<String> ALLOWED_BOOTSTRAPS = Set.of("java/lang/invoke/LambdaMetafactory",
            "java/lang/invoke/StringConcatFactory");

    private GeneratedCodePolicy() {
    }

    /** One use of something a rule may not use: in which generated class, what, and the word to find it by. */
    record Violation(String className, String what, String word) {
    }

    /**
     * The violations in the classes compiled from one rule set; {@code generated} tells the classes of that rule set
     * itself (internal names), which may call each other.
     */
    static List<Violation> check(Map<String, byte[]> classes) {
        Set<String> generated = new HashSet<>();
        classes.keySet().forEach(name -> generated.add(name.replace(".class", "")));
        Predicate<String> ownClass = generated::contains;
        Set<Violation> found = new LinkedHashSet<>();
        Map<String, Set<String>> calls = new HashMap<>();
        classes.forEach((name, bytes) -> new ClassReader(bytes)
                .accept(new Checker(name.replace(".class", ""), ownClass, found, calls), 0));
        String cycle = cycleIn(calls);
        if (cycle != null) {
            String method = cycle.substring(cycle.indexOf('.') + 1, cycle.indexOf('('));
            found.add(new Violation(cycle.substring(0, cycle.indexOf('.')), "рекурсия: «" + method + "» вызывает сам себя", method));
        }
        return new ArrayList<>(found);
    }

    /** A method of the rule set's own classes that can reach itself through calls among them, if any. */
    private static String cycleIn(Map<String, Set<String>> calls) {
        Map<String, Integer> state = new HashMap<>();
        for (String start : calls.keySet()) {
            if (state.getOrDefault(start, 0) != 0) {
                continue;
            }
            Deque<Iterator<String>> stack = new ArrayDeque<>();
            Deque<String> path = new ArrayDeque<>();
            state.put(start, 1);
            path.push(start);
            stack.push(calls.getOrDefault(start, Set.of()).iterator());
            while (!stack.isEmpty()) {
                Iterator<String> next = stack.peek();
                if (next.hasNext()) {
                    String callee = next.next();
                    int seen = state.getOrDefault(callee, 0);
                    if (seen == 1) {
                        return callee;
                    }
                    if (seen == 0) {
                        state.put(callee, 1);
                        path.push(callee);
                        stack.push(calls.getOrDefault(callee, Set.of()).iterator());
                    }
                } else {
                    stack.pop();
                    state.put(path.pop(), 2);
                }
            }
        }
        return null;
    }

    /** Whether a member of a class may be used from rule code. */
    static boolean allowed(String owner, String member, Predicate<String> ownClass) {
        if (FORBIDDEN_MEMBERS.contains(member)) {
            return false;
        }
        String type = owner.startsWith("[") ? elementType(owner) : owner;
        if (type == null || ownClass.test(type)) {
            return true;
        }
        Set<String> only = ONLY_MEMBERS.get(type);
        if (only != null) {
            return only.contains(member);
        }
        return allowedClass(type);
    }

    /** Whether a class may be named in rule code (created, given as a class literal, owner of a member used). */
    static boolean allowedClass(String type) {
        if (ONLY_MEMBERS.containsKey(type)) {
            return true;
        }
        for (String prefix : ALLOWED_PACKAGES) {
            if (type.startsWith(prefix)) {
                return true;
            }
        }
        if (type.startsWith("java/util/") && type.indexOf('/', "java/util/".length()) < 0) {
            String simple = type.substring("java/util/".length());
            int nested = simple.indexOf('$');
            return !FORBIDDEN_JAVA_UTIL.contains(nested < 0 ? simple : simple.substring(0, nested));
        }
        if (type.startsWith("java/lang/") && type.indexOf('/', "java/lang/".length()) < 0) {
            String simple = type.substring("java/lang/".length());
            int nested = simple.indexOf('$');
            return ALLOWED_JAVA_LANG.contains(nested < 0 ? simple : simple.substring(0, nested));
        }
        return false;
    }

    /** The element class of an array type descriptor, or null for an array of primitives. */
    private static String elementType(String descriptor) {
        Type element = Type.getType(descriptor).getElementType();
        return element.getSort() == Type.OBJECT ? element.getInternalName() : null;
    }

    private static String simpleName(String internalName) {
        String simple = internalName.substring(internalName.lastIndexOf('/') + 1);
        return simple.substring(simple.lastIndexOf('$') + 1);
    }

    private static String readable(String owner, String member) {
        return owner.replace('/', '.') + (member == null ? "" : "." + member);
    }

    private static final class Checker extends ClassVisitor {

        private final String className;
        private final Predicate<String> ownClass;
        private final Set<Violation> found;

        private final Map<String, Set<String>> calls;

        Checker(String className, Predicate<String> ownClass, Set<Violation> found, Map<String, Set<String>> calls) {
            super(Opcodes.ASM9);
            this.className = className;
            this.ownClass = ownClass;
            this.found = found;
            this.calls = calls;
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
            Set<String> callees = calls.computeIfAbsent(className + "." + name + descriptor, k -> new HashSet<>());
            return new MethodVisitor(Opcodes.ASM9) {
                private final Set<Label> passed = new HashSet<>();

                @Override
                public void visitLabel(Label label) {
                    passed.add(label);
                }

                @Override
                public void visitJumpInsn(int opcode, Label label) {
                    if (passed.contains(label)) {
                        found.add(new Violation(className, "цикл (повторение кода)", "<loop>"));
                    }
                }

                @Override
                public void visitMethodInsn(int opcode, String owner, String member, String desc, boolean itf) {
                    use(owner, member);
                    call(owner, member, desc);
                }

                private void call(String owner, String member, String desc) {
                    if (ownClass.test(owner)) {
                        callees.add(owner + "." + member + desc);
                    }
                }

                @Override
                public void visitFieldInsn(int opcode, String owner, String member, String desc) {
                    use(owner, member);
                }

                @Override
                public void visitTypeInsn(int opcode, String type) {
                    if (opcode == Opcodes.NEW) {
                        use(type, "<init>");
                    }
                }

                @Override
                public void visitLdcInsn(Object value) {
                    if (value instanceof Type type && type.getSort() == Type.OBJECT && !ownClass.test(type.getInternalName())
                            && !allowedClass(type.getInternalName())) {
                        found.add(new Violation(className, readable(type.getInternalName(), null), simpleName(type.getInternalName())));
                    } else if (value instanceof Handle handle) {
                        use(handle.getOwner(), handle.getName());
                    }
                }

                @Override
                public void visitInvokeDynamicInsn(String name, String desc, Handle bootstrap, Object... arguments) {
                    if (!ALLOWED_BOOTSTRAPS.contains(bootstrap.getOwner())) {
                        found.add(new Violation(className, readable(bootstrap.getOwner(), bootstrap.getName()), bootstrap.getName()));
                    }
                    for (Object argument : arguments) {
                        if (argument instanceof Handle handle) {
                            use(handle.getOwner(), handle.getName());
                            call(handle.getOwner(), handle.getName(), handle.getDesc());
                        }
                    }
                }

                private void use(String owner, String member) {
                    if (!allowed(owner, member, ownClass)) {
                        found.add(new Violation(className, readable(owner, member),
                                member.startsWith("<") ? simpleName(owner) : member));
                    }
                }
            };
        }
    }
}
