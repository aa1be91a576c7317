package hvemu.wsman;

import hvemu.operations.Namespaces;
import static org.assertj.core.api.Assertions.assertThat;

import hvemu.operations.FaultKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every fault kind has a row whose Action belongs to its subcode's family (wire.md §1). */
class FaultTableTest {
    @ParameterizedTest
    @EnumSource(FaultKind.class)
    void everyKindHasARowOfItsFamily(FaultKind kind) {
        FaultTable.Row row = FaultTable.row(kind);
        assertThat(row).as(kind.name()).isNotNull();
        assertThat(row.code().getNamespaceURI()).isEqualTo(Namespaces.SOAP);
        assertThat(row.reason()).startsWith("The WS-Management service cannot process the request");
        assertThat(row.hresult()).isPositive();
        String family = row.subcode() == null ? Namespaces.ADDRESSING : row.subcode().getNamespaceURI();
        String expectedAction = switch (family) {
            case Namespaces.ADDRESSING -> Actions.FAULT_ADDRESSING;
            case Namespaces.WSMAN -> Actions.FAULT_WSMAN;
            case Namespaces.ENUMERATION -> Actions.FAULT_ENUMERATION;
            default -> Actions.FAULT_TRANSFER;
        };
        assertThat(row.action()).as(kind.name()).isEqualTo(expectedAction);
    }
}
