package hvemu.operations;

import hvemu.cim.CimException;
import hvemu.cim.CimInstance;
import hvemu.cim.CimMethod;
import hvemu.cim.CimStatus;
import hvemu.cim.schema.MofLoader;
import hvemu.cim.ObjectPath;
import hvemu.operations.codec.DomCopy;
import hvemu.operations.codec.EmbeddedInstances;
import hvemu.operations.codec.OutputWriter;
import hvemu.operations.codec.TypedInvocation;
import hvemu.provider.TypedMethodProvider;
import org.w3c.dom.Element;
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
 * <p>The INPUT is checked against the MOF signature first; a class served through typed bindings
 * ({@code schemas/cim}) then gets the generated INPUT object, others the arguments by name. A method
 * declared in the schema with no provider answers ReturnValue 1 (Not Supported), as the method's own
 * ValueMap provides (docs/semantics.md lists them).
 *
 * <p>A fault rule's {@link MethodOverride} changes the outcome: a return code is answered without running
 * the method (no OUT parameters, nothing changed); a failed job runs the method and has the job it starts
 * fail.
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
                FaultKind.ACTION_NOT_SUPPORTED, null, CimStatus.METHOD_NOT_FOUND,
                "The class " + target.cls().name() + " has no method " + methodName + "."));
        CimInstance instance = target.instance(providers);
        if (request.override() instanceof MethodOverride.ReturnCode code) {
            // A fault rule's return code: the method does not run, so nothing changes and no OUT is set.
            return reply(request, method, target, MethodResult.of(code.value()));
        }
        Element input = input(request, method);
        if (input != null) {
            EmbeddedInstances.inline(input, method, providers.schema());
        }
        Map<String, Object> arguments = input == null ? Map.of() : ParameterDecoder.decode(input, method, namespace());
        ObjectPath path = MofLoader.pathOf(providers.schema(), instance);
        MethodResult result;
        try {
            result = request.override() instanceof MethodOverride.FailedJob failed
                    ? providers.failingJobs(failed.errorCode(), failed.errorDescription(), failed.atPercent(),
                            () -> run(request, target, method, instance, path, input, arguments))
                    : run(request, target, method, instance, path, input, arguments);
        } catch (CimException e) {
            throw switch (e.status()) {
                case NOT_FOUND -> new OperationException(FaultKind.DESTINATION_UNREACHABLE,
                        FaultDetail.INVALID_RESOURCE_URI, e.status(), e.getMessage());
                case INVALID_PARAMETER, TYPE_MISMATCH -> new OperationException(FaultKind.INVALID_PARAMETER,
                        FaultDetail.INVALID_VALUE, e.status(), e.getMessage());
                default -> new OperationException(FaultKind.INTERNAL_ERROR, null, e.status(), e.getMessage());
            };
        }
        return reply(request, method, target, result);
    }

    /** Runs the method through its typed or untyped provider; ReturnValue 1 when it has none. */
    private MethodResult run(OperationRequest request, Target target, CimMethod method, CimInstance instance,
            ObjectPath path, Element input, Map<String, Object> arguments) throws OperationException {
        TypedMethodProvider typed = providers.typedMethods(instance.className());
        MethodProvider provider = providers.methods(instance.className());
        if (typed != null) {
            Element in = input != null ? input : DomCopy.empty(method.name() + "_INPUT", typed.bindingNamespace());
            Object output = typed.invoke(path, TypedInvocation.input(in, method, typed, namespace(), target.uri()),
                    request.operationTimeout());
            var decoded = output == null ? null : TypedInvocation.output(output, method, typed, namespace(), target.uri());
            return decoded == null ? MethodResult.of(1) : new MethodResult(decoded.getKey(), decoded.getValue());
        }
        return provider == null ? MethodResult.of(1)
                : provider.invoke(new MethodCall(path, method, arguments, request.operationTimeout()));
    }

    private static Reply reply(OperationRequest request, CimMethod method, Target target, MethodResult r) {
        return new Reply(request.action() + "Response", out -> OutputWriter.write(out, method, r.returnValue(), r.out(),
                request.resourceUri(), target.uri(), request.preciseArrays()));
    }

    /** Returns a copy of the INPUT element, or null when the body is empty (no parameters). */
    private Element input(OperationRequest request, CimMethod method) throws OperationException {
        RequestBody body = request.body();
        if (body.isEmpty()) {
            return null;
        }
        String expected = method.name() + "_INPUT";
        if (!body.element().getLocalPart().equalsIgnoreCase(expected)) {
            throw new OperationException(FaultKind.SCHEMA_VALIDATION_ERROR,
                    "The request is missing the element titled '" + expected + "'.");
        }
        return body.read(DomCopy::copy);
    }

    private String namespace() {
        return providers.schema().namespace();
    }
}
