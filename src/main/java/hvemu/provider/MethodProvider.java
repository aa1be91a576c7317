package hvemu.provider;

/**
 * Serves the extrinsic methods of a class family. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface MethodProvider {
    /**
     * Runs a method. Outcomes the method's MOF models as return codes are returned in the result;
     * failures at the CIM level (no such instance) are thrown as {@link hvemu.cim.CimException}.
     */
    MethodResult invoke(MethodCall call);
}
