# Loads the cmdlet assembly built for this edition: net8.0 on PowerShell 7.4+ (platform AesGcm,
# the host's own System.Text.Json), netstandard2.0 on Windows PowerShell 5.1 (Windows CNG, shipped System.Text.Json).
$flavour = if ($PSEdition -eq 'Core') { 'net8.0' } else { 'netstandard2.0' }
Import-Module -Name (Join-Path -Path $PSScriptRoot -ChildPath "$flavour/LogoutCmdlets.dll")
