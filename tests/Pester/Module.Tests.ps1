BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Import-Module $script:ModuleManifest -Force
}

Describe 'LogoutModule' {
    It 'has a valid manifest for both editions' {
        $manifest = Test-ModuleManifest -Path $script:ModuleManifest
        $manifest.CompatiblePSEditions | Should -Be @('Desktop', 'Core')
        $manifest.PowerShellVersion | Should -Be ([version]'5.1')
    }

    It 'exports exactly the cmdlets the manifest lists' {
        $manifest = Import-PowerShellDataFile -Path $script:ModuleManifest
        (Get-Command -Module LogoutModule).Name | Sort-Object | Should -Be ($manifest.CmdletsToExport | Sort-Object)
    }

    It 'ships written help, with an example, for every cmdlet' {
        foreach ($command in Get-Command -Module LogoutModule) {
            $help = Get-Help $command.Name -Full
            $help.Synopsis | Should -Not -Match '^\s*$' -Because $command.Name
            $help.Synopsis | Should -Not -Match ([regex]::Escape($command.Name + ' ')) -Because "$($command.Name) must not fall back to generated help"
            @($help.Examples.Example).Count | Should -BeGreaterThan 0 -Because $command.Name
        }
    }
}
