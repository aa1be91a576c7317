package hvemu.wsman;

import static org.assertj.core.api.Assertions.assertThat;

import hvemu.operations.FaultDetail;
import hvemu.operations.FaultKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every fault kind has MSFT_WmiError values, and a CIM cause is reported as WMI reports it. */
class WmiErrorTableTest {
    @ParameterizedTest
    @EnumSource(FaultKind.class)
    void everyKindHasAStatusAnHresultAndACategory(FaultKind kind) {
        WmiErrorTable.Row row = WmiErrorTable.row(kind, null, 0);
        assertThat(row).as(kind.name()).isNotNull();
        assertThat(row.cimStatus()).isBetween(1, 28);
        assertThat(row.hresult()).as("a failure HRESULT").isBetween(0x80000000L, 0xFFFFFFFFL);
        assertThat(row.category()).isBetween(0, 31);
        if (!row.wmi()) {
            assertThat(row.hresult()).as("WinRM's own: the WS-Man fault's HRESULT").isEqualTo(FaultTable.hresult(kind, null));
        }
    }

    @Test
    void aCimCauseIsReportedWithItsWmiHresult() {
        WmiErrorTable.Row row = WmiErrorTable.row(FaultKind.DESTINATION_UNREACHABLE, FaultDetail.INVALID_RESOURCE_URI,
                WmiErrorTable.INVALID_NAMESPACE);
        assertThat(row).isEqualTo(new WmiErrorTable.Row(3, 0x8004100EL, WmiErrorTable.METADATA_ERROR, true));
    }

    @Test
    void aProtocolFaultKeepsTheHresultOfItsDetail() {
        WmiErrorTable.Row row = WmiErrorTable.row(FaultKind.INVALID_SELECTORS, FaultDetail.UNEXPECTED_SELECTORS, 0);
        assertThat(row.hresult()).isEqualTo(FaultTable.hresult(FaultKind.INVALID_SELECTORS, FaultDetail.UNEXPECTED_SELECTORS));
        assertThat(row.wmi()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"msftwinrm:UsePreciseArrays", "__MI_CallbackRegistration", "wmi:__MI_OPERATIONOPTIONS_WRITEERRORMODE",
            "wmiarray:__MI_OPERATIONOPTIONS_CHANNELVALUE", "wmiarray:__MIInstanceModifiedPropertiesList", " MSFTWINRM:USEPRECISEARRAYS "})
    void theMiClientsOptionsAreKnown(String name) {
        assertThat(MiClient.isMiOption(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"WINRS_CONSOLEMODE_STDIN", "IncludeQualifiers", "UsePreciseArrays", "MI_Something", ""})
    void otherOptionsAreNot(String name) {
        assertThat(MiClient.isMiOption(name)).isFalse();
    }
}
