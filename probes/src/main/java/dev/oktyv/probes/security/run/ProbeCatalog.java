package dev.oktyv.probes.security.run;

import dev.oktyv.probes.security.SecurityProbe;
import dev.oktyv.results.security.SecurityCategory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * The security probes on the class path, found with {@link ServiceLoader}, so a jar that lists its own
 * {@code META-INF/services/dev.oktyv.probes.security.SecurityProbe} adds checks without touching the suite.
 * Sorted by category, then id, so runs and result files keep one order.
 */
public final class ProbeCatalog {

    private ProbeCatalog() {
    }

    public static List<SecurityProbe> discover(ClassLoader loader) {
        List<SecurityProbe> found = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (SecurityProbe p : ServiceLoader.load(SecurityProbe.class, loader)) {
            if (!ids.add(p.id())) {
                throw new IllegalStateException("two security probes share the id '" + p.id() + "' (second: "
                        + p.getClass().getName() + ")");
            }
            if (!p.id().startsWith(p.category().wireName() + ".")) {
                throw new IllegalStateException("security probe id '" + p.id() + "' of " + p.getClass().getName()
                        + " must start with its category '" + p.category().wireName() + ".'");
            }
            found.add(p);
        }
        found.sort(Comparator.comparing((SecurityProbe p) -> p.category()).thenComparing(SecurityProbe::id));
        return List.copyOf(found);
    }

    /** The probes of the selected categories, in catalog order. */
    public static List<SecurityProbe> select(List<SecurityProbe> all, Set<SecurityCategory> categories) {
        return all.stream().filter(p -> categories.contains(p.category())).toList();
    }
}
