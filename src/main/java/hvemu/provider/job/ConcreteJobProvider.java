package hvemu.provider.job;

import hvemu.cim.CimDateTime;
import hvemu.cim.CimException;
import hvemu.cim.CimInstance;
import hvemu.cim.ObjectPath;
import hvemu.cim.binding.CimString;
import hvemu.cim.binding.CimUnsignedInt;
import hvemu.cim.binding.job.GetErrorExINPUT;
import hvemu.cim.binding.job.GetErrorExOUTPUT;
import hvemu.cim.binding.job.GetErrorINPUT;
import hvemu.cim.binding.job.GetErrorOUTPUT;
import hvemu.cim.binding.job.KillJobINPUT;
import hvemu.cim.binding.job.KillJobOUTPUT;
import hvemu.cim.binding.job.RequestStateChangeINPUT;
import hvemu.cim.binding.job.RequestStateChangeOUTPUT;
import hvemu.cim.cimxml.CimXml;
import hvemu.cim.schema.Schema;
import hvemu.job.JobEngine;
import hvemu.provider.TypedMethodProvider;
import hvemu.repository.InstanceRepository;
import java.time.Duration;

/**
 * Msvm_ConcreteJob: RequestStateChange, KillJob, GetError and GetErrorEx, by the tables of
 * docs/semantics.md ("Job control"; model.md §2.2, §5.4). Stopping a job is the engine's
 * ({@link JobEngine#terminate}, {@link JobEngine#kill}); the errors are {@link JobErrors}, written as
 * CIM-XML text, as Hyper-V returns its embedded {@code Msvm_Error}.
 *
 * <p>It is served through the typed bindings of {@code schemas/cim/Msvm_ConcreteJob.xsd}. Thread-safe.
 */
public final class ConcreteJobProvider implements TypedMethodProvider {
    static final long OK = 0;
    static final long NOT_SUPPORTED = 1;
    static final long UNKNOWN = 2;
    static final long FAILED = 4;
    static final long INVALID_PARAMETER = 5;
    static final long NOT_FOUND = 7;
    static final long INVALID_STATE_TRANSITION = 4097;
    static final long TIMEOUT_NOT_SUPPORTED = 4098;
    /** Msvm_ConcreteJob.GetError and GetErrorEx: Failed. */
    static final long MSVM_FAILED = 32768;
    /** RequestedState values: Start, Suspend, Terminate, Kill, Service. */
    private static final int START = 2;
    private static final int SUSPEND = 3;
    private static final int TERMINATE = 4;
    private static final int KILL = 5;
    private static final int SERVICE = 6;

    private final Schema schema;
    private final InstanceRepository repository;
    private final JobEngine jobs;

    public ConcreteJobProvider(Schema schema, InstanceRepository repository, JobEngine jobs) {
        this.schema = schema;
        this.repository = repository;
        this.jobs = jobs;
    }

    @Override
    public Package bindings() {
        return RequestStateChangeINPUT.class.getPackage();
    }

    @Override
    public String bindingNamespace() {
        return "http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/Msvm_ConcreteJob";
    }

    @Override
    public Object invoke(ObjectPath target, Object input, Duration timeout) {
        if (input instanceof RequestStateChangeINPUT in) {
            RequestStateChangeOUTPUT out = new RequestStateChangeOUTPUT();
            out.setReturnValue(code(guarded(() -> requestStateChange(target, in))));
            return out;
        }
        if (input instanceof KillJobINPUT in) {
            KillJobOUTPUT out = new KillJobOUTPUT();
            out.setReturnValue(code(guarded(() -> killJob(target, in))));
            return out;
        }
        if (input instanceof GetErrorINPUT) {
            ErrorResult r = error(target);
            GetErrorOUTPUT out = new GetErrorOUTPUT();
            out.setReturnValue(code(r.code()));
            out.setError(r.error() == null ? null : text(r.error()));
            return out;
        }
        if (input instanceof GetErrorExINPUT) {
            ErrorResult r = error(target);
            GetErrorExOUTPUT out = new GetErrorExOUTPUT();
            out.setReturnValue(code(r.code()));
            if (r.error() != null) {
                out.getErrors().add(text(r.error()));
            }
            return out;
        }
        return null;
    }

    /**
     * RequestStateChange: 4 Terminate and 5 Kill stop a running job (0). A job that has finished, or whose
     * Cancellable is not TRUE, cannot change state (4097). 2 Start, 3 Suspend and 6 Service are defined but
     * not offered (1); NULL and values without a meaning (0, 1, the reserved ranges) are 5. A TimeoutPeriod
     * other than NULL or a zero interval is 4098: every transition is immediate.
     */
    private long requestStateChange(ObjectPath job, RequestStateChangeINPUT in) {
        if (in.getRequestedState() == null) {
            return INVALID_PARAMETER;
        }
        int state = in.getRequestedState().getValue();
        if (state == START || state == SUSPEND || state == SERVICE) {
            return NOT_SUPPORTED;
        }
        if (state != TERMINATE && state != KILL) {
            return INVALID_PARAMETER;
        }
        if (requiresTimeout(in.getTimeoutPeriod())) {
            return TIMEOUT_NOT_SUPPORTED;
        }
        return switch (jobs.terminate(instanceId(job), state == KILL)) {
            case STOPPED -> OK;
            case FINISHED, NOT_CANCELLABLE -> INVALID_STATE_TRANSITION;
            case NOT_FOUND -> throw CimException.notFound(job);
        };
    }

    /**
     * KillJob (deprecated): kills a running job (0); DeleteOnKill TRUE removes it at once. Its ValueMap has
     * no 4097: a finished or non-cancellable job is 4 Failed, a job gone meanwhile 7 Not Found.
     */
    private long killJob(ObjectPath job, KillJobINPUT in) {
        boolean delete = in.getDeleteOnKill() != null && in.getDeleteOnKill().isValue();
        return switch (jobs.kill(instanceId(job), delete)) {
            case STOPPED -> OK;
            case FINISHED, NOT_CANCELLABLE -> FAILED;
            case NOT_FOUND -> NOT_FOUND;
        };
    }

    /** TimeoutPeriod: NULL or a zero interval asks for nothing; anything else asks for a bound. */
    private static boolean requiresTimeout(hvemu.cim.binding.CimDateTime timeout) {
        if (timeout == null) {
            return false;
        }
        if (timeout.getInterval() != null) {
            return timeout.getInterval().getSign() != 0;
        }
        if (timeout.getCIMDateTime() != null) {
            try {
                CimDateTime t = CimDateTime.parse(timeout.getCIMDateTime());
                return !(t.isInterval() && t.interval().isZero());
            } catch (IllegalArgumentException e) {
                return true;
            }
        }
        return true;
    }

    /** GetError's outcome: its return code, and the job's error as CIM-XML or null when it has none. */
    private record ErrorResult(long code, String error) {
    }

    /**
     * GetError and GetErrorEx: 0 with the job's {@link JobErrors error} (none while it runs or once it
     * completed), or 32768 Failed when the error cannot be written.
     */
    private ErrorResult error(ObjectPath job) {
        CimInstance instance = repository.get(job).orElseThrow(() -> CimException.notFound(job));
        try {
            return new ErrorResult(OK, JobErrors.of(instance, job).map(e -> CimXml.write(schema, e)).orElse(null));
        } catch (RuntimeException e) {
            return new ErrorResult(MSVM_FAILED, null);
        }
    }

    private static long guarded(java.util.function.LongSupplier method) {
        try {
            return method.getAsLong();
        } catch (CimException e) {
            throw e;
        } catch (RuntimeException e) {
            return UNKNOWN;
        }
    }

    private static String instanceId(ObjectPath job) {
        return String.valueOf(job.key("InstanceID"));
    }

    private static CimString text(String value) {
        CimString s = new CimString();
        s.setValue(value);
        return s;
    }

    private static CimUnsignedInt code(long value) {
        CimUnsignedInt c = new CimUnsignedInt();
        c.setValue(value);
        return c;
    }
}
