; Inno Setup script: the Windows installer of Agent Assist (Inno Setup 6.3 or later).
;
; On Windows, from the repository:
;   .venv\Scripts\python scripts\build_bundle.py          -> dist\agent-assist\
;   iscc installer\windows\agent-assist.iss               -> dist\agent-assist-setup-<version>.exe
; Options: iscc /DBundleDir=C:\path\to\agent-assist /DAppVersion=1.2.3 ...
;
; Installs for the current user (no administrator rights) into
; %LOCALAPPDATA%\Programs\Agent Assist, with a Start-menu shortcut and, if chosen, a
; desktop shortcut and a start-at-login shortcut. The agent's data lives apart, in
; %LOCALAPPDATA%\agent-assist (platformdirs' user_data_dir for "agent-assist" with
; appauthor=False): the uninstaller keeps it unless the agent says to remove it
; (silent uninstall: keep it, or pass /PURGE to remove it).
;
; Chinese installer pages: Inno Setup ships its Chinese translations as "unofficial";
; put ChineseSimplified.isl and ChineseTraditional.isl (from jrsoftware/issrc,
; Files/Languages/Unofficial) beside this script and they are used.

#define AppName "Agent Assist"
#define AppExe "agent-assist-panel.exe"
#define DataDirName "agent-assist"
#ifndef BundleDir
  #define BundleDir AddBackslash(SourcePath) + "..\..\dist\agent-assist"
#endif
#ifndef AppVersion
  #define AppVersion GetStringFileInfo(AddBackslash(BundleDir) + "agent-assist.exe", "ProductVersion")
#endif
#define HaveChineseSimplified FileExists(AddBackslash(SourcePath) + "ChineseSimplified.isl")
#define HaveChineseTraditional FileExists(AddBackslash(SourcePath) + "ChineseTraditional.isl")

[Setup]
AppId={{71A52925-9D72-4653-BB8B-928E706FD304}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppName}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=agent-assist-setup-{#AppVersion}
SetupIconFile=agent-assist.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes
RestartApplications=no
ShowLanguageDialog=auto

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
#if HaveChineseSimplified
Name: "chinesesimplified"; MessagesFile: "ChineseSimplified.isl"
#endif
#if HaveChineseTraditional
Name: "chinesetraditional"; MessagesFile: "ChineseTraditional.isl"
#endif

[CustomMessages]
english.StartAtLogin=Start Agent Assist when I sign in to Windows
english.ShortcutsGroup=Shortcuts:
english.RemoveDataQuestion=Also remove your Agent Assist data?%n%n%1%n%nIt holds your call notes, drafts, follow-ups, settings and backups. Choose No to keep it for a later installation.
english.RemoveDataFailed=Some of your data could not be removed:%n%1
#if HaveChineseSimplified
chinesesimplified.StartAtLogin=登录 Windows 时自动启动坐席助手
chinesesimplified.ShortcutsGroup=快捷方式：
chinesesimplified.RemoveDataQuestion=同时删除坐席助手的数据吗？%n%n%1%n%n其中有你的通话记录、草稿、跟进事项、设置和备份。选“否”可以保留，以后重新安装时继续使用。
chinesesimplified.RemoveDataFailed=部分数据没能删除：%n%1
#endif
#if HaveChineseTraditional
chinesetraditional.StartAtLogin=登入 Windows 時自動啟動客服助手
chinesetraditional.ShortcutsGroup=捷徑：
chinesetraditional.RemoveDataQuestion=要一併刪除客服助手的資料嗎？%n%n%1%n%n其中有您的通話紀錄、草稿、後續追蹤、設定和備份。選「否」可以保留，日後重新安裝時繼續使用。
chinesetraditional.RemoveDataFailed=部分資料無法刪除：%n%1
#endif

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:ShortcutsGroup}"; Flags: unchecked
Name: "startup"; Description: "{cm:StartAtLogin}"; GroupDescription: "{cm:ShortcutsGroup}"; Flags: unchecked

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon
Name: "{autostartup}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: startup

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Only the program folder: the agent's data is handled in [Code] below.
Type: filesandordirs; Name: "{app}"

[Code]
function DataDir(): String;
begin
  { The same folder as platformdirs.user_data_dir('agent-assist', appauthor=False). }
  Result := ExpandConstant('{localappdata}\{#DataDirName}');
end;

function PurgeRequested(): Boolean;
var
  I: Integer;
begin
  Result := False;
  for I := 1 to ParamCount do
    if CompareText(ParamStr(I), '/PURGE') = 0 then
      Result := True;
end;

function RemoveDataWanted(): Boolean;
begin
  if UninstallSilent then
    Result := PurgeRequested()
  else
    Result := PurgeRequested() or
      (SuppressibleMsgBox(FmtMessage(CustomMessage('RemoveDataQuestion'), [DataDir()]),
        mbConfirmation, MB_YESNO or MB_DEFBUTTON2, IDNO) = IDYES);
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if (CurUninstallStep = usPostUninstall) and DirExists(DataDir()) then
  begin
    if RemoveDataWanted() then
    begin
      if not DelTree(DataDir(), True, True, True) then
        SuppressibleMsgBox(FmtMessage(CustomMessage('RemoveDataFailed'), [DataDir()]),
          mbError, MB_OK, IDOK);
    end;
  end;
end;
