; Inno Setup 6 script for Convergence Planner on Windows (x64). Saved as UTF-8 with a BOM (the Korean texts).
;
; Build (on Windows, after the frozen app is in dist\convergence-planner; see installer/README.md):
;   ISCC.exe /DAppVersion=0.1.0 installer\windows\convergence-planner.iss
; Output: dist\convergence-planner-<version>-setup.exe
;
; One setup.exe for both install modes: it asks (PrivilegesRequiredOverridesAllowed=dialog) whether to install
; for the current user only - no administrator rights, into %LOCALAPPDATA%\Programs - or for all users, which
; asks for an administrator and installs into Program Files. /CURRENTUSER and /ALLUSERS choose on the command
; line (with /SILENT or /VERYSILENT for unattended installs by an administrator).
;
; Reviewed against the Inno Setup 6 documentation (jrsoftware.org/ishelp): PrivilegesRequired,
; PrivilegesRequiredOverridesAllowed, the {auto*} constants, [Registry] Root HKA ("HKLM in administrative install
; mode, HKCU otherwise"; use it with Software\Classes instead of HKCR), ChangesAssociations, [Languages].
; It cannot be compiled or tried here (no Windows); installer/smoke tests the Debian package only.

#ifndef AppVersion
  #error Pass the version: ISCC /DAppVersion=X.Y.Z (python -c "import planner; print(planner.version())")
#endif
; The Windows file version needs four numbers at most (1.2.3 or 1.2.3.4); give it apart for a pre-release.
#ifndef FileVersion
  #define FileVersion AppVersion
#endif
#ifndef SourceDir
  #define SourceDir "..\..\dist\convergence-planner"
#endif
#ifndef IconDir
  #define IconDir "..\..\resources\icons"
#endif

#define AppName "Convergence Planner"
#define AppExeName "convergence-planner.exe"
#define CliExeName "cplan.exe"
#define AppPublisher "Convergence Planner"
; The file type: extension, ProgID (Vendor.Type.Version, no spaces) and its description.
#define PlanExtension ".cplan"
#define PlanProgId "ConvergencePlanner.Plan.1"

[Setup]
; AppId identifies the app for upgrades and the uninstaller: never change it between versions.
AppId={{6F0C7E52-5B3A-4C1E-9D2B-3A8E4F7C1D90}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppPublisher}
VersionInfoVersion={#FileVersion}
VersionInfoProductName={#AppName}
; {autopf}: Program Files for all users, %LOCALAPPDATA%\Programs for the current user.
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
; Per-user without administrator rights by default; the dialog offers the per-machine install (needs an admin).
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
ChangesAssociations=yes
SetupIconFile={#IconDir}\convergence-planner.ico
UninstallDisplayIcon={app}\{#AppExeName}
UninstallDisplayName={#AppName} {#AppVersion}
OutputDir=..\..\dist
OutputBaseFilename=convergence-planner-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; Offer the language of Windows when it is Korean or English; ask only when it is neither.
ShowLanguageDialog=auto
LanguageDetectionMethod=uilanguage
; Close a running copy before files are replaced.
CloseApplications=yes
RestartApplications=no

[Languages]
; Korean.isl ships with Inno Setup 6 in its Languages folder (official translation); Default.isl is English.
Name: "ko"; MessagesFile: "compiler:Languages\Korean.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
ko.PlanFileType=Convergence Planner 계획 파일
en.PlanFileType=Convergence Planner plan
ko.AssociateTask=.cplan 파일을 Convergence Planner로 열기
en.AssociateTask=Open .cplan files with Convergence Planner
ko.CommandLineIcon=Convergence Planner 명령 창 (cplan)
en.CommandLineIcon=Convergence Planner command prompt (cplan)

[Tasks]
Name: "associate"; Description: "{cm:AssociateTask}"
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The whole onedir bundle: both executables and _internal\ (Python, Qt, fonts, resources, migrations).
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "{#IconDir}\cplan-file.ico"; DestDir: "{app}"; Flags: ignoreversion

[Icons]
; {autoprograms}: the Start menu of all users or of the current user, following the install mode.
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExeName}"
; A command prompt in the user's folder with cplan on its PATH (cmd expands %USERPROFILE% and %PATH% when it runs).
Name: "{autoprograms}\{cm:CommandLineIcon}"; Filename: "{cmd}"; \
  Parameters: "/k cd /d ""%USERPROFILE%"" & set ""PATH={app};%PATH%"" & {#CliExeName} --help"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExeName}"; Tasks: desktopicon

[Registry]
; The .cplan association under HKA\Software\Classes: HKCU for a per-user install, HKLM for all users. The
; extension is ours, so the app is also its default program (unless the user picked another one in Windows).
Root: HKA; Subkey: "Software\Classes\{#PlanExtension}"; ValueType: string; ValueName: ""; ValueData: "{#PlanProgId}"; \
  Flags: uninsdeletevalue; Tasks: associate
Root: HKA; Subkey: "Software\Classes\{#PlanExtension}\OpenWithProgids"; ValueType: string; ValueName: "{#PlanProgId}"; \
  ValueData: ""; Flags: uninsdeletevalue; Tasks: associate
Root: HKA; Subkey: "Software\Classes\{#PlanProgId}"; ValueType: string; ValueName: ""; ValueData: "{cm:PlanFileType}"; \
  Flags: uninsdeletekey; Tasks: associate
Root: HKA; Subkey: "Software\Classes\{#PlanProgId}\DefaultIcon"; ValueType: string; ValueName: ""; \
  ValueData: "{app}\cplan-file.ico,0"; Tasks: associate
Root: HKA; Subkey: "Software\Classes\{#PlanProgId}\shell\open\command"; ValueType: string; ValueName: ""; \
  ValueData: """{app}\{#AppExeName}"" ""%1"""; Tasks: associate
; "Open with" lists the app for .cplan files even where another program is the default.
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExeName}\SupportedTypes"; ValueType: string; \
  ValueName: "{#PlanExtension}"; ValueData: ""; Flags: uninsdeletekey; Tasks: associate
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExeName}\shell\open\command"; ValueType: string; \
  ValueName: ""; ValueData: """{app}\{#AppExeName}"" ""%1"""; Tasks: associate

[Run]
Filename: "{app}\{#AppExeName}"; Description: "{cm:LaunchProgram,{#AppName}}"; \
  Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Nothing is written into {app} at run time; plans, settings and the crash-recovery copies live in the user's
; folders and are kept on uninstall.
Type: dirifempty; Name: "{app}"
