<#
  Windows lockdown for a commune kiosk PC (Windows 10/11 Pro, Enterprise or Education).
  Run in an elevated PowerShell, once per PC or in the image before sysprep:
    powershell -ExecutionPolicy Bypass -File Set-KioskLockdown.ps1              apply (safe to run again)
    powershell -ExecutionPolicy Bypass -File Set-KioskLockdown.ps1 -Undo        put everything back
  What it changes:
    - creates the local user "kiosk" (password given with -Password, or none) if it does not exist
    - Shell Launcher v2 (Enterprise/Education): the kiosk replaces Explorer for "kiosk" only, and is
      restarted when it exits; on Pro it writes an Assigned Access configuration instead
      (kiosk-assigned-access.xml next to this script, applied through the MDM WMI bridge)
    - for "kiosk" (its registry hive): Sticky Keys, Filter Keys and Toggle Keys hotkeys off,
      Windows key shortcuts off, Task Manager, lock and change-password off in Ctrl+Alt+Del
    - for the machine: edge swipes off, no lock-screen camera, no first-logon animation, autologon of "kiosk"
  Undo removes these values and the shell setting; the user "kiosk" and its data are kept.
#>
[CmdletBinding()]
param(
  [switch]$Undo,
  [string]$UserName = 'kiosk',
  [string]$Password = '',
  [string]$KioskExe = "$env:ProgramFiles\Kiosk Phong Doc Xa\Kiosk Phong Doc Xa.exe"
)
$ErrorActionPreference = 'Stop'

function Assert-Admin {
  $principal = New-Object Security.Principal.WindowsPrincipal([Security.Principal.WindowsIdentity]::GetCurrent())
  if (-not $principal.IsInRole([Security.Principal.WindowsBuiltInRole]::Administrator)) {
    throw 'Hãy mở PowerShell bằng "Run as administrator" rồi chạy lại.'
  }
}

function Set-Value([string]$Path, [string]$Name, $Value, [string]$Type = 'DWord') {
  if (-not (Test-Path $Path)) { New-Item -Path $Path -Force | Out-Null }
  New-ItemProperty -Path $Path -Name $Name -Value $Value -PropertyType $Type -Force | Out-Null
}

function Remove-Value([string]$Path, [string]$Name) {
  if (Test-Path $Path) { Remove-ItemProperty -Path $Path -Name $Name -ErrorAction SilentlyContinue }
}

# The kiosk user's own settings live in its NTUSER.DAT: loaded under HKU\KioskUser while we edit it.
function Invoke-WithUserHive([scriptblock]$Action) {
  $user = Get-LocalUser -Name $UserName -ErrorAction SilentlyContinue
  if (-not $user) { return }
  $sid = $user.SID.Value
  $loaded = Test-Path "Registry::HKEY_USERS\$sid"
  $root = "Registry::HKEY_USERS\$sid"
  if (-not $loaded) {
    $hive = Join-Path (Join-Path $env:SystemDrive 'Users') "$UserName\NTUSER.DAT"
    if (-not (Test-Path $hive)) {
      Write-Warning "Người dùng $UserName chưa đăng nhập lần nào: hãy đăng nhập một lần rồi chạy lại để khóa phím tắt."
      return
    }
    & reg.exe load 'HKU\KioskUser' $hive | Out-Null
    $root = 'Registry::HKEY_USERS\KioskUser'
  }
  try { & $Action $root }
  finally {
    if (-not $loaded) { [gc]::Collect(); & reg.exe unload 'HKU\KioskUser' | Out-Null }
  }
}

$userPolicies = @(
  # Sticky Keys (5x Shift), Filter Keys (hold right Shift), Toggle Keys (hold Num Lock): hotkeys off.
  @{ Path = 'Control Panel\Accessibility\StickyKeys'; Name = 'Flags'; Value = '506'; Default = '510'; Type = 'String' },
  @{ Path = 'Control Panel\Accessibility\Keyboard Response'; Name = 'Flags'; Value = '122'; Default = '126'; Type = 'String' },
  @{ Path = 'Control Panel\Accessibility\ToggleKeys'; Name = 'Flags'; Value = '58'; Default = '62'; Type = 'String' },
  # Windows key shortcuts (Win+R, Win+E, Win+Tab…).
  @{ Path = 'Software\Microsoft\Windows\CurrentVersion\Policies\Explorer'; Name = 'NoWinKeys'; Value = 1; Default = $null; Type = 'DWord' },
  # Ctrl+Alt+Del screen: no Task Manager, no lock, no password change.
  @{ Path = 'Software\Microsoft\Windows\CurrentVersion\Policies\System'; Name = 'DisableTaskMgr'; Value = 1; Default = $null; Type = 'DWord' },
  @{ Path = 'Software\Microsoft\Windows\CurrentVersion\Policies\System'; Name = 'DisableLockWorkstation'; Value = 1; Default = $null; Type = 'DWord' },
  @{ Path = 'Software\Microsoft\Windows\CurrentVersion\Policies\System'; Name = 'DisableChangePassword'; Value = 1; Default = $null; Type = 'DWord' }
)

$machinePolicies = @(
  # Edge swipes (touch screens): no Action Center, no task view from the screen edges.
  @{ Path = 'HKLM:\SOFTWARE\Policies\Microsoft\Windows\EdgeUI'; Name = 'AllowEdgeSwipe'; Value = 0 },
  @{ Path = 'HKLM:\SOFTWARE\Policies\Microsoft\Windows\Personalization'; Name = 'NoLockScreenCamera'; Value = 1 },
  @{ Path = 'HKLM:\SOFTWARE\Microsoft\Windows NT\CurrentVersion\Winlogon'; Name = 'EnableFirstLogonAnimation'; Value = 0 }
)

$winlogon = 'HKLM:\SOFTWARE\Microsoft\Windows NT\CurrentVersion\Winlogon'

function Set-ShellLauncher([bool]$Enable) {
  $class = Get-CimClass -Namespace 'root\standardcimv2\embedded' -ClassName 'WESL_UserSetting' -ErrorAction SilentlyContinue
  if (-not $class) { return $false }
  $sid = (Get-LocalUser -Name $UserName).SID.Value
  if ($Enable) {
    Enable-WindowsOptionalFeature -Online -FeatureName 'Client-EmbeddedShellLauncher' -NoRestart -All | Out-Null
    # Exit action 0 = restart the shell: a crashed or closed kiosk comes back.
    Invoke-CimMethod -Namespace 'root\standardcimv2\embedded' -ClassName 'WESL_UserSetting' -MethodName 'SetCustomShell' -Arguments @{ Sid = $sid; Shell = "`"$KioskExe`""; DefaultAction = 0 } | Out-Null
    Invoke-CimMethod -Namespace 'root\standardcimv2\embedded' -ClassName 'WESL_UserSetting' -MethodName 'SetEnabled' -Arguments @{ Enabled = $true } | Out-Null
  } else {
    Invoke-CimMethod -Namespace 'root\standardcimv2\embedded' -ClassName 'WESL_UserSetting' -MethodName 'RemoveCustomShell' -Arguments @{ Sid = $sid } -ErrorAction SilentlyContinue | Out-Null
  }
  return $true
}

function Set-AssignedAccess([bool]$Enable) {
  $namespace = 'root\cimv2\mdm\dmmap'
  $instance = Get-CimInstance -Namespace $namespace -ClassName 'MDM_AssignedAccess' -ErrorAction SilentlyContinue
  if (-not $instance) { Write-Warning 'Không dùng được Assigned Access trên phiên bản Windows này (cần Pro/Enterprise/Education).'; return }
  if ($Enable) {
    $xml = Get-Content -Raw -Path (Join-Path $PSScriptRoot 'kiosk-assigned-access.xml')
    $xml = $xml.Replace('{{USER}}', $UserName).Replace('{{EXE}}', $KioskExe)
    $instance.Configuration = [Security.SecurityElement]::Escape($xml)
  } else {
    $instance.Configuration = $null
  }
  Set-CimInstance -CimInstance $instance
}

Assert-Admin

if ($Undo) {
  Write-Host 'Gỡ khóa kiosk (giữ người dùng và dữ liệu)…'
  if (-not (Set-ShellLauncher $false)) { Set-AssignedAccess $false }
  Invoke-WithUserHive {
    param($root)
    foreach ($p in $userPolicies) {
      if ($null -eq $p.Default) { Remove-Value "$root\$($p.Path)" $p.Name }
      else { Set-Value "$root\$($p.Path)" $p.Name $p.Default $p.Type }
    }
  }
  foreach ($p in $machinePolicies) { Remove-Value $p.Path $p.Name }
  Set-Value $winlogon 'AutoAdminLogon' '0' 'String'
  Remove-Value $winlogon 'DefaultPassword'
  Write-Host 'Xong. Khởi động lại máy.'
  return
}

if (-not (Test-Path $KioskExe)) { throw "Không thấy kiosk tại $KioskExe. Hãy cài bộ cài NSIS trước, hoặc chỉ đường dẫn bằng -KioskExe." }

Write-Host "1. Người dùng $UserName"
if (-not (Get-LocalUser -Name $UserName -ErrorAction SilentlyContinue)) {
  if ($Password) {
    New-LocalUser -Name $UserName -Password (ConvertTo-SecureString $Password -AsPlainText -Force) -PasswordNeverExpires -UserMayNotChangePassword | Out-Null
  } else {
    New-LocalUser -Name $UserName -NoPassword -UserMayNotChangePassword | Out-Null
  }
  Add-LocalGroupMember -Group 'Users' -Member $UserName -ErrorAction SilentlyContinue
}

Write-Host '2. Vỏ (shell) chỉ chạy kiosk'
if (-not (Set-ShellLauncher $true)) {
  Write-Host '   Không có Shell Launcher (Windows Pro): dùng Assigned Access.'
  Set-AssignedAccess $true
}

Write-Host '3. Tắt phím tắt trợ năng, phím Windows, Task Manager, vuốt cạnh màn hình'
Invoke-WithUserHive {
  param($root)
  foreach ($p in $userPolicies) { Set-Value "$root\$($p.Path)" $p.Name $p.Value $p.Type }
}
foreach ($p in $machinePolicies) { Set-Value $p.Path $p.Name $p.Value }

Write-Host "4. Tự đăng nhập $UserName"
Set-Value $winlogon 'AutoAdminLogon' '1' 'String'
Set-Value $winlogon 'DefaultUserName' $UserName 'String'
Set-Value $winlogon 'DefaultDomainName' $env:COMPUTERNAME 'String'
# Stored in clear in the registry by Windows' own autologon: use a password only for this local, unprivileged user.
Set-Value $winlogon 'DefaultPassword' $Password 'String'

Write-Host 'Xong. Khởi động lại máy: kiosk sẽ tự mở. Gỡ: Set-KioskLockdown.ps1 -Undo'
