package dev.oktyv.results.readiness;

/** The kinds of user check a readiness run can load as a plug-in, each behind its own interface. */
public enum PluginKind {
    LOAD_SCENARIO("load-scenario"),
    SECURITY_PROBE("security-probe"),
    RECOVERY_PROBE("recovery-probe"),
    HEALTH_CHECK("health-check");

    private final String wireName;

    PluginKind(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** @throws IllegalArgumentException naming the value */
    public static PluginKind fromWire(String s) {
        for (PluginKind v : values()) {
            if (v.wireName().equals(s)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown pluginKind '" + s + "'");
    }
}
