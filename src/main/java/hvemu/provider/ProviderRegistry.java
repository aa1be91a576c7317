package hvemu.provider;

import hvemu.cim.schema.Schema;
import hvemu.job.JobEngine;
import hvemu.job.JobFailure;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Which provider serves which class, written out explicitly (STYLE.md §6.4). A class without an entry
 * of its own is served by the provider of its nearest registered ancestor, else by the default.
 * Immutable and thread-safe.
 */
public final class ProviderRegistry {
    private final Schema schema;
    private final InstanceProvider defaultProvider;
    private final Map<String, InstanceProvider> instanceProviders;
    private final Map<String, MethodProvider> methodProviders;
    private final Map<String, TypedMethodProvider> typedProviders;
    private final Runnable refresh;
    private final JobEngine jobs;

    /** Work that returns a value or throws a checked exception of its caller's. */
    @FunctionalInterface
    public interface Work<T, X extends Exception> {
        T run() throws X;
    }

    private ProviderRegistry(Builder b) {
        this.schema = Objects.requireNonNull(b.schema, "schema");
        this.defaultProvider = Objects.requireNonNull(b.defaultProvider, "default provider");
        this.instanceProviders = Map.copyOf(b.instanceProviders);
        this.methodProviders = Map.copyOf(b.methodProviders);
        this.typedProviders = Map.copyOf(b.typedProviders);
        this.refresh = b.refresh;
        this.jobs = b.jobs;
    }

    /**
     * Does {@code work} (a method call) so that every job it starts ends in Exception (10) with the given
     * error at the first step at which its PercentComplete would reach {@code atPercent}, as a fault rule
     * asks. Without a job engine, just does the work.
     */
    public <T, X extends Exception> T failingJobs(int errorCode, String errorDescription, int atPercent,
            Work<T, X> work) throws X {
        if (jobs == null) {
            return work.run();
        }
        try (JobEngine.Scope scope = jobs.failing(new JobFailure(errorCode, errorDescription, atPercent))) {
            return work.run();
        }
    }

    /**
     * Brings time-driven state up to date (jobs that should have moved, finished jobs to remove);
     * operations call it before they read the model.
     */
    public void refresh() {
        refresh.run();
    }

    /** Returns the method provider of a class, or null when its methods are not served. */
    public MethodProvider methods(String className) {
        return nearest(methodProviders, className);
    }

    /** Returns a builder whose default provider serves every class not registered. */
    public static Builder builder(Schema schema, InstanceProvider defaultProvider) {
        Builder b = new Builder();
        b.schema = schema;
        b.defaultProvider = defaultProvider;
        return b;
    }

    /** Returns the schema the registry serves. */
    public Schema schema() {
        return schema;
    }

    /** Returns the instance provider of a class. */
    public InstanceProvider instances(String className) {
        InstanceProvider p = nearest(instanceProviders, className);
        return p != null ? p : defaultProvider;
    }

    /** Returns the typed method provider of a class, or null when its methods are not served so. */
    public TypedMethodProvider typedMethods(String className) {
        return nearest(typedProviders, className);
    }

    /** Returns the entry of the class or of its nearest ancestor that has one, or null. */
    private <P> P nearest(Map<String, P> providers, String className) {
        for (var c = schema.find(className).orElse(null); c != null;
                c = c.superclass() == null ? null : schema.find(c.superclass()).orElse(null)) {
            P p = providers.get(c.name().toLowerCase(Locale.ROOT));
            if (p != null) {
                return p;
            }
        }
        return null;
    }

    /** Builds a {@link ProviderRegistry}. */
    public static final class Builder {
        private Schema schema;
        private InstanceProvider defaultProvider;
        private final Map<String, InstanceProvider> instanceProviders = new LinkedHashMap<>();
        private final Map<String, MethodProvider> methodProviders = new LinkedHashMap<>();
        private final Map<String, TypedMethodProvider> typedProviders = new LinkedHashMap<>();
        private Runnable refresh = () -> { };
        private JobEngine jobs;

        private Builder() {
        }

        /** Serves a class (and classes derived from it) with the given provider. */
        public Builder instances(String className, InstanceProvider provider) {
            instanceProviders.put(className.toLowerCase(Locale.ROOT), provider);
            return this;
        }

        /** Serves the methods of a class (and classes derived from it) with the given provider. */
        public Builder methods(String className, MethodProvider provider) {
            methodProviders.put(className.toLowerCase(Locale.ROOT), provider);
            return this;
        }

        /** Serves the methods of a class (and derived classes) through typed bindings. */
        public Builder typedMethods(String className, TypedMethodProvider provider) {
            typedProviders.put(className.toLowerCase(Locale.ROOT), provider);
            return this;
        }

        /** Sets what {@link ProviderRegistry#refresh()} runs. */
        public Builder refresh(Runnable refresh) {
            this.refresh = Objects.requireNonNull(refresh, "refresh");
            return this;
        }

        /** Sets the job engine whose jobs {@link ProviderRegistry#failingJobs} makes fail. */
        public Builder jobs(JobEngine jobs) {
            this.jobs = Objects.requireNonNull(jobs, "jobs");
            return this;
        }

        public ProviderRegistry build() {
            return new ProviderRegistry(this);
        }
    }
}
