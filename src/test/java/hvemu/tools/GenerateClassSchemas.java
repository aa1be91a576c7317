package hvemu.tools;

import hvemu.cim.CimClass;
import hvemu.cim.schema.ClassSchemaWriter;
import hvemu.cim.schema.MofLoader;
import hvemu.cim.schema.MofSource;
import hvemu.cim.schema.Schema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes {@code schemas/cim/<Class>.xsd} for every class of {@code mof/hvemu.mof}: run by
 * {@code scripts/gen-cim-schemas} after a change to the MOF; ClassSchemasTest fails until it has been.
 */
public final class GenerateClassSchemas {
    private GenerateClassSchemas() {
    }

    public static void main(String[] args) throws IOException {
        Path mof = Path.of(args.length > 0 ? args[0] : "mof/hvemu.mof");
        Path out = Path.of(args.length > 1 ? args[1] : "schemas/cim");
        Schema schema = MofLoader.schema(MofSource.file(mof));
        Files.createDirectories(out);
        try (var old = Files.list(out)) {
            for (Path p : old.filter(f -> f.toString().endsWith(".xsd")).toList()) {
                Files.delete(p);
            }
        }
        for (CimClass c : schema.classes()) {
            Files.writeString(out.resolve(c.name() + ".xsd"), ClassSchemaWriter.write(c), StandardCharsets.UTF_8);
        }
        System.out.println("wrote " + schema.classes().size() + " class schemas to " + out);
    }
}
