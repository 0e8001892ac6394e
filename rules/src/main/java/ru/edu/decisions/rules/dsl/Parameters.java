package ru.edu.decisions.rules.dsl;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/** The parameters a policy officer may change in a jurisdiction's manifest, read by the rules. Immutable. */
public final class Parameters {

    private final Map<String, Object> values;

    public Parameters(Map<String, ?> values) {
        this.values = Map.copyOf(new TreeMap<>(values));
    }

    public Map<String, Object> asMap() {
        return values;
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    public int intValue(String name) {
        Object value = require(name);
        if (value instanceof Number n && new BigDecimal(n.toString()).stripTrailingZeros().scale() <= 0) {
            return n.intValue();
        }
        throw new ParameterException(name, "Параметр «" + name + "» должен быть целым числом, а задан: " + value);
    }

    public String stringValue(String name) {
        return String.valueOf(require(name));
    }

    private Object require(String name) {
        Object value = values.get(name);
        if (value == null) {
            throw new ParameterException(name, "Параметр «" + name + "» не задан в manifest.yaml, а правила его используют");
        }
        return value;
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
