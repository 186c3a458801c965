# One Disconnect-Org process of the concurrency suite: logs out of each named org in turn (one run each) while sf
# writes beside it, and prints one JSON line: how many runs there were and which failed, with their error ids.
param([Parameter(Mandatory)] [string] $Manifest, [Parameter(Mandatory)] [string[]] $Org)
Import-Module $Manifest
$failed = foreach ($name in $Org) {
    try { $null = Disconnect-Org $name -Force -ErrorAction Stop }
    catch { [pscustomobject]@{ Org = $name; ErrorId = $_.FullyQualifiedErrorId; Message = $_.Exception.Message } }
}
[pscustomobject]@{ Runs = $Org.Count; Failed = @($failed) } | ConvertTo-Json -Depth 4 -Compress
