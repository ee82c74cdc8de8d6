package dev.oktyv.analysis.model;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Map;
import java.util.SortedMap;

/**
 * Orders JMH params the way a reader expects: by name, then by value, numerically when both values are numbers
 * ({@code size=1000} before {@code size=10000} before {@code size=100000}; as strings it is the other way round)
 * and as text otherwise. Values equal as numbers but spelled differently ({@code 1} and {@code 1.0}) fall back to
 * text order, so the order stays consistent with {@code equals} for use as a sorted-map key.
 */
public final class ParamOrder implements Comparator<SortedMap<String, String>> {

    public static final ParamOrder INSTANCE = new ParamOrder();

    private ParamOrder() {
    }

    @Override
    public int compare(SortedMap<String, String> a, SortedMap<String, String> b) {
        Iterator<Map.Entry<String, String>> ia = a.entrySet().iterator();
        Iterator<Map.Entry<String, String>> ib = b.entrySet().iterator();
        while (ia.hasNext() && ib.hasNext()) {
            Map.Entry<String, String> ea = ia.next();
            Map.Entry<String, String> eb = ib.next();
            int c = ea.getKey().compareTo(eb.getKey());
            if (c == 0) {
                c = values(ea.getValue(), eb.getValue());
            }
            if (c != 0) {
                return c;
            }
        }
        return Boolean.compare(ia.hasNext(), ib.hasNext());
    }

    /** Numbers before text; numbers by value; ties and text by the string. */
    public static int values(String a, String b) {
        BigDecimal na = number(a);
        BigDecimal nb = number(b);
        if (na != null && nb != null) {
            int c = na.compareTo(nb);
            if (c != 0) {
                return c;
            }
        } else if (na != null || nb != null) {
            return na != null ? -1 : 1;
        }
        return a.compareTo(b);
    }

    private static BigDecimal number(String s) {
        // BigDecimal, not double: params such as 9007199254740993 must not compare equal to their neighbours.
        if (s.isEmpty() || s.length() > 100) {
            return null;
        }
        try {
            return new BigDecimal(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
