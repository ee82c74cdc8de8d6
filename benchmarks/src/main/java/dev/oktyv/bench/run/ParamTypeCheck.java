package dev.oktyv.bench.run;

import dev.oktyv.bench.catalog.BenchmarkInfo;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Checks {@code -p} values against the type of the {@code @Param} field they set. JMH converts them only inside
 * the benchmark run ({@code Integer.valueOf} in its generated code), so {@code -p tokens=abc} would otherwise fail
 * with a stack trace after the run folder exists. The benchmark list does not carry field types; they come from
 * the benchmark class and the {@code @State} classes its method and {@code @Setup} methods take. A field not
 * found there is left to JMH.
 */
final class ParamTypeCheck {

    private ParamTypeCheck() {
    }

    /** @return the first bad value, as one line naming the param, the value and the type; empty when all fit */
    static Optional<String> firstMismatch(Map<String, List<String>> params, List<BenchmarkInfo> selected,
                                          ClassLoader loader) {
        for (var p : params.entrySet()) {
            for (BenchmarkInfo b : selected) {
                if (!b.params().containsKey(p.getKey())) {
                    continue;
                }
                Optional<Field> field = paramField(b, p.getKey(), loader);
                if (field.isEmpty()) {
                    continue;
                }
                for (String value : p.getValue()) {
                    Optional<String> why = mismatch(field.get().getType(), value);
                    if (why.isPresent()) {
                        return Optional.of("-p " + p.getKey() + "=" + value + ": '" + value + "' is not " + why.get()
                                + " (@Param " + p.getKey() + " of " + field.get().getDeclaringClass().getName() + ")");
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** Why {@code value} cannot be converted as JMH's generated code converts it to {@code type}, if it cannot. */
    static Optional<String> mismatch(Class<?> type, String value) {
        try {
            if (type == int.class || type == Integer.class) {
                Integer.valueOf(value);
            } else if (type == long.class || type == Long.class) {
                Long.valueOf(value);
            } else if (type == short.class || type == Short.class) {
                Short.valueOf(value);
            } else if (type == byte.class || type == Byte.class) {
                Byte.valueOf(value);
            } else if (type == double.class || type == Double.class) {
                Double.valueOf(value);
            } else if (type == float.class || type == Float.class) {
                Float.valueOf(value);
            } else if (type == boolean.class || type == Boolean.class) {
                // JMH's Boolean.valueOf reads anything but "true" as false: a typo would silently run false.
                if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
                    return Optional.of("a boolean (true or false)");
                }
            } else if (type == char.class || type == Character.class) {
                if (value.length() != 1) {
                    return Optional.of("a char (one character)");
                }
            } else if (type.isEnum()) {
                return enumMismatch(type, value);
            }
            return Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.of(article(type.getSimpleName().toLowerCase(Locale.ROOT).replace("integer", "int")));
        }
    }

    private static Optional<String> enumMismatch(Class<?> type, String value) {
        Object[] constants = type.getEnumConstants();
        if (Arrays.stream(constants).anyMatch(c -> ((Enum<?>) c).name().equals(value))) {
            return Optional.empty();
        }
        return Optional.of("a " + type.getSimpleName() + " (one of " + Arrays.stream(constants)
                .map(c -> ((Enum<?>) c).name()).collect(Collectors.joining(", ")) + ")");
    }

    private static String article(String typeName) {
        return ("aeiou".indexOf(typeName.charAt(0)) >= 0 ? "an " : "a ") + typeName;
    }

    /** The {@code @Param} field named {@code name} in the benchmark's class or a state class it uses. */
    static Optional<Field> paramField(BenchmarkInfo b, String name, ClassLoader loader) {
        int dot = b.name().lastIndexOf('.');
        Optional<Class<?>> benchmarkClass = load(b.name().substring(0, dot), loader);
        if (benchmarkClass.isEmpty()) {
            return Optional.empty();
        }
        String method = b.name().substring(dot + 1);
        Deque<Class<?>> todo = new ArrayDeque<>();
        Set<Class<?>> seen = new HashSet<>();
        todo.add(benchmarkClass.get());
        for (Method m : benchmarkClass.get().getMethods()) {
            if (m.getName().equals(method)) {
                todo.addAll(Arrays.asList(m.getParameterTypes()));
            }
        }
        while (!todo.isEmpty()) {
            Class<?> c = todo.poll();
            if (!seen.add(c)) {
                continue;
            }
            for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
                for (Field f : k.getDeclaredFields()) {
                    if (f.getName().equals(name) && f.isAnnotationPresent(Param.class)) {
                        return Optional.of(f);
                    }
                }
                for (Method m : k.getDeclaredMethods()) {
                    if (m.isAnnotationPresent(Setup.class) || m.isAnnotationPresent(TearDown.class)) {
                        Arrays.stream(m.getParameterTypes()).filter(t -> t.isAnnotationPresent(State.class))
                                .forEach(todo::add);
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** JMH names nested classes with dots ({@code a.Outer.Inner.method}); the class loader wants {@code $}. */
    private static Optional<Class<?>> load(String name, ClassLoader loader) {
        String candidate = name;
        while (true) {
            try {
                return Optional.of(Class.forName(candidate, false, loader));
            } catch (ClassNotFoundException | LinkageError e) {
                int dot = candidate.lastIndexOf('.');
                if (dot < 0) {
                    return Optional.empty();
                }
                candidate = candidate.substring(0, dot) + "$" + candidate.substring(dot + 1);
            }
        }
    }
}
