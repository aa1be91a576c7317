# Pester 5 against a running hvemu: WS-Man through a CimSession (HTTPS, Basic), the admin API through
# Invoke-RestMethod. The CIM cmdlets are Windows-only: Windows PowerShell 5.1, or PowerShell 7 on Windows.
#
#   java -jar hvemu.jar --user admin --password 'Pa55w.rd' --https-port 5986 --scenario docs/examples/scenario.json
#   Invoke-Pester docs/examples/Hvemu.Tests.ps1
#
# HVEMU_HOST, HVEMU_PORT, HVEMU_HTTPS_PORT, HVEMU_USER and HVEMU_PASSWORD point the tests at another emulator.

BeforeAll {
    $HvemuHost = if ($env:HVEMU_HOST) { $env:HVEMU_HOST } else { '127.0.0.1' }
    $HttpPort = if ($env:HVEMU_PORT) { [int]$env:HVEMU_PORT } else { 5985 }
    $HttpsPort = if ($env:HVEMU_HTTPS_PORT) { [int]$env:HVEMU_HTTPS_PORT } else { 5986 }
    $User = if ($env:HVEMU_USER) { $env:HVEMU_USER } else { 'admin' }
    $Password = if ($env:HVEMU_PASSWORD) { $env:HVEMU_PASSWORD } else { 'Pa55w.rd' }
    $Namespace = 'root/HyperVCluster/v2'

    # The emulator's certificate is self-signed: skip the checks, or trust ~/.hvemu/https.crt and drop the Skip* switches.
    $Options = New-CimSessionOption -UseSsl -SkipCACheck -SkipCNCheck -SkipRevocationCheck
    $Credential = [pscredential]::new($User, (ConvertTo-SecureString $Password -AsPlainText -Force))
    $Session = New-CimSession -ComputerName $HvemuHost -Port $HttpsPort -Authentication Basic `
        -Credential $Credential -SessionOption $Options

    function Invoke-HvemuAdmin([string] $Method, [string] $Path) {
        $basic = [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes("${User}:$Password"))
        Invoke-RestMethod -Method $Method -Uri "http://${HvemuHost}:$HttpPort/hvemu/admin$Path" `
            -Headers @{ Authorization = "Basic $basic" }
    }
}

AfterAll {
    Remove-CimSession -CimSession $Session
}

Describe 'hvemu through a CimSession' {
    BeforeEach {
        # Every test starts from the topology and the scenario, whatever the test before it did.
        Invoke-HvemuAdmin Post /reset
    }

    It 'finds the pool service on the cluster' {
        $service = Get-CimInstance -CimSession $Session -Namespace $Namespace `
            -ClassName Msvm_ResourcePoolConfigurationService
        $service.ElementName | Should -Be 'Resource Pool Configuration Service'
        $service.SystemName | Should -Be 'HVCLU01'
    }

    It 'makes a pool when the harness completes its job' {
        $service = Get-CimInstance -CimSession $Session -Namespace $Namespace `
            -ClassName Msvm_ResourcePoolConfigurationService
        $memory = Get-CimInstance -CimSession $Session -Namespace $Namespace -ClassName Msvm_Memory |
            Select-Object -First 1
        $result = Invoke-CimMethod -InputObject $service -MethodName CreateResourcePool -Arguments @{
            ElementName   = 'PesterPool'
            HostResources = [ciminstance[]] @($memory)
            ResourceType  = [uint16] 4
        }
        $result.ReturnValue | Should -Be 4096

        # The scenario makes CreateResourcePool's jobs manual: nothing is made until the harness says so.
        $pools = { Get-CimInstance -CimSession $Session -Namespace $Namespace -ClassName Msvm_ResourcePool `
            -Filter "ElementName = 'PesterPool'" }
        & $pools | Should -BeNullOrEmpty
        $job = Invoke-HvemuAdmin Post "/jobs/$([uri]::EscapeDataString($result.Job.InstanceID))/complete"
        $job.jobState | Should -Be 7
        @(& $pools).Count | Should -Be 1
    }
}
