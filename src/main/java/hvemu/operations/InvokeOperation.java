package hvemu.operations;

import hvemu.cim.CimException;
import hvemu.cim.CimInstance;
import hvemu.cim.CimMethod;
import hvemu.cim.schema.MofLoader;
import hvemu.operations.codec.OutputWriter;
import hvemu.operations.codec.ParameterDecoder;
import hvemu.provider.MethodCall;
import hvemu.provider.MethodProvider;
import hvemu.provider.MethodResult;
import hvemu.provider.ProviderRegistry;
import java.util.Map;

/**
 * Invoke of an extrinsic method (wire.md §3.4): Action {@code <ResourceURI>/<Method>}, the instance
 * addressed by the selectors, {@code <Method>_INPUT} decoded by the MOF signature, the provider's result
 * written as {@code <Method>_OUTPUT} in the request URI's namespace.
 *
 * <p>A method declared in the schema whose class has no method provider answers ReturnValue 1 (Not
 * Supported), as the method's own ValueMap provides (docs/semantics.md lists them).
 */
public final class InvokeOperation implements Operation {
    private final ProviderRegistry providers;

    public InvokeOperation(ProviderRegistry providers) {
        this.providers = providers;
    }

    @Override
    public Reply execute(OperationRequest request) throws OperationException {
        providers.refresh();
        Target target = Target.resolve(providers.schema(), request);
        String methodName = request.action().substring(request.action().lastIndexOf('/') + 1);
        CimMethod method = target.cls().method(methodName).orElseThrow(() -> new OperationException(
                FaultKind.ACTION_NOT_SUPPORTED, "The class " + target.cls().name() + " has no method " + methodName + "."));
        CimInstance instance = providers.instances(target.cls().name()).get(target.path())
                .orElseThrow(() -> new OperationException(FaultKind.DESTINATION_UNREACHABLE,
                        FaultDetail.INVALID_RESOURCE_URI, "No instance " + target.path() + " exists."));
        Map<String, Object> arguments = arguments(request, method);
        MethodProvider provider = providers.methods(instance.className());
        MethodResult result;
        try {
            result = provider == null ? MethodResult.of(1)
                    : provider.invoke(new MethodCall(MofLoader.pathOf(providers.schema(), instance), method, arguments,
                            request.operationTimeout()));
        } catch (CimException e) {
            throw switch (e.status()) {
                case NOT_FOUND -> new OperationException(FaultKind.DESTINATION_UNREACHABLE,
                        FaultDetail.INVALID_RESOURCE_URI, e.getMessage());
                case INVALID_PARAMETER, TYPE_MISMATCH -> new OperationException(FaultKind.INVALID_PARAMETER,
                        FaultDetail.INVALID_VALUE, e.getMessage());
                default -> new OperationException(FaultKind.INTERNAL_ERROR, e.getMessage());
            };
        }
        MethodResult r = result;
        return new Reply(request.action() + "Response", out -> OutputWriter.write(out, method, r.returnValue(), r.out(),
                request.resourceUri(), target.uri()));
    }

    private Map<String, Object> arguments(OperationRequest request, CimMethod method) throws OperationException {
        RequestBody body = request.body();
        if (body.isEmpty()) {
            return Map.of();
        }
        String expected = method.name() + "_INPUT";
        if (!body.element().getLocalPart().equalsIgnoreCase(expected)) {
            throw new OperationException(FaultKind.SCHEMA_VALIDATION_ERROR,
                    "The request is missing the element titled '" + expected + "'.");
        }
        String namespace = providers.schema().namespace();
        return body.read(in -> ParameterDecoder.decode(in, method, namespace));
    }
}
