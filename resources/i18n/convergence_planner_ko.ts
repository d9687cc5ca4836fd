<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR" sourcelanguage="en">
<context>
    <name>ConvergencePlanner</name>
    <message>
        <source> (and {count} more)</source>
        <translation> (외 {count}개)</translation>
    </message>
    <message>
        <source>&amp;About Convergence Planner</source>
        <translation>Convergence Planner 정보(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>적용(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Apply Anyway</source>
        <translation>그래도 적용(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Author:</source>
        <translation>작성자(&amp;A):</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>닫기(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Columns (double-click or press F2 to choose the field; * required):</source>
        <translation>열(&amp;C) (항목은 두 번 누르거나 F2 키로 선택, * 필수):</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>데이터베이스(&amp;D):</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>삭제(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>편집(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Export PDF…</source>
        <translation>PDF 내보내기(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>찾기(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>가져오기(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>가져오기(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Item:</source>
        <translation>항목(&amp;I):</translation>
    </message>
    <message>
        <source>&amp;Merge Plan from File…</source>
        <translation>파일에서 계획 병합(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;Name…</source>
        <translation>이름 붙이기(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;New Plan…</source>
        <translation>새 계획(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Open Read-Only</source>
        <translation>읽기 전용으로 열기(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>열기(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Ours</source>
        <translation>우리 쪽(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>포트(&amp;P):</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>환경설정(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Present</source>
        <translation>발표(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>인쇄(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>끝내기(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Ratings and Votes…</source>
        <translation>평가와 투표(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Restore as New Plan…</source>
        <translation>새 계획으로 복원(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Rows are:</source>
        <translation>행의 종류(&amp;R):</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>저장(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>서버(&amp;S):</translation>
    </message>
    <message>
        <source>&amp;Sheets in the file:</source>
        <translation>파일의 시트(&amp;S):</translation>
    </message>
    <message>
        <source>&amp;Slides…</source>
        <translation>슬라이드(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Theirs</source>
        <translation>상대 쪽(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>종료일(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>사용자(&amp;U):</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Workshop</source>
        <translation>워크숍(&amp;W)</translation>
    </message>
    <message>
        <source>&apos;{code}&apos; cannot have more than {count} votes.</source>
        <translation>&apos;{code}&apos;은(는) {count}표를 넘을 수 없습니다.</translation>
    </message>
    <message>
        <source>&apos;{code}&apos; has no votes to take away.</source>
        <translation>&apos;{code}&apos;에는 뺄 표가 없습니다.</translation>
    </message>
    <message>
        <source>&apos;{field}&apos; is not a column of {table}; its columns are: {fields}.</source>
        <translation>&apos;{field}&apos;은(는) {table}의 열이 아닙니다. 열 목록: {fields}.</translation>
    </message>
    <message>
        <source>&apos;{kind}&apos; is not a table; choose one of: {kinds}.</source>
        <translation>&apos;{kind}&apos;은(는) 표 이름이 아닙니다. 다음 중에서 고르십시오: {kinds}.</translation>
    </message>
    <message>
        <source>&apos;{suffix}&apos; files are not tables; use .csv or .xlsx.</source>
        <translation>&apos;{suffix}&apos; 파일은 표가 아닙니다. .csv 또는 .xlsx 파일을 사용하십시오.</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not a month; write it as 2027-03.</source>
        <translation>&apos;{text}&apos;은(는) 연월이 아닙니다. 2027-03처럼 쓰십시오.</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is already used by another item.</source>
        <translation>&apos;{value}&apos;은(는) 다른 항목이 이미 쓰고 있습니다.</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is listed twice.</source>
        <translation>&apos;{value}&apos;이(가) 두 번 나옵니다.</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is longer than the {limit} months an initiative may last.</source>
        <translation>&apos;{value}&apos;은(는) 추진과제 기간 한도({limit}개월)보다 깁니다.</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is negative.</source>
        <translation>&apos;{value}&apos;은(는) 음수입니다.</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is neither a code nor a label of the allowed values ({codes}).</source>
        <translation>&apos;{value}&apos;은(는) 허용된 값({codes})의 코드나 이름이 아닙니다.</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a RACI role (R, A, C or I).</source>
        <translation>&apos;{value}&apos;은(는) RACI 역할(R, A, C, I)이 아닙니다.</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a checklist with items (one of: {choices})</source>
        <translation>&apos;{value}&apos;은(는) 항목이 있는 점검표가 아닙니다(가능한 값: {choices})</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a date and time such as 2027-03-01T08:00:00 within the years 1900 to 2999.</source>
        <translation>&apos;{value}&apos;은(는) 1900~2999년의 날짜·시각(예: 2027-03-01T08:00:00)이 아닙니다.</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a date such as 2026-09-10.</source>
        <translation>&apos;{value}&apos;은(는) 2026-09-10 형식의 날짜가 아닙니다.</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a date such as 2027-03-02 within the years 1900 to 2999.</source>
        <translation>&apos;{value}&apos;은(는) 1900~2999년의 날짜(예: 2027-03-02)가 아닙니다.</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a duration such as PT96H0M0S.</source>
        <translation>&apos;{value}&apos;은(는) PT96H0M0S 형식의 기간이 아닙니다.</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a kind of item; use one of: {kinds}.</source>
        <translation>&apos;{value}&apos;은(는) 항목 종류가 아닙니다. 다음 중 하나를 사용하십시오: {kinds}.</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a list of tags.</source>
        <translation>&apos;{value}&apos;은(는) 태그 목록이 아닙니다.</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a month; write it as 2027-03, 2027. 3., 2027/3 or 2027년 3월, or as an Excel date.</source>
        <translation>&apos;{value}&apos;은(는) 연월이 아닙니다. 2027-03, 2027. 3., 2027/3, 2027년 3월 또는 Excel 날짜로 입력하십시오.</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a number.</source>
        <translation>&apos;{value}&apos;은(는) 숫자가 아닙니다.</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a prioritisation score.</source>
        <translation>&apos;{value}&apos;은(는) 우선순위 평가 항목이 아닙니다.</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a row id (letters, digits and hyphens, at most 36).</source>
        <translation>&apos;{value}&apos;은(는) 행 ID가 아닙니다(영문자·숫자·하이픈, 최대 36자).</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a sticky note colour.</source>
        <translation>&apos;{value}&apos;은(는) 메모 색상이 아닙니다.</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a time such as 08:00:00.</source>
        <translation>&apos;{value}&apos;은(는) 시각(예: 08:00:00)이 아닙니다.</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a value of {field}; choose among: {choices}.</source>
        <translation>&apos;{value}&apos;은(는) {field}의 값이 아닙니다. 다음 중에서 선택하십시오: {choices}.</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a whole number of at least 1.</source>
        <translation>&apos;{value}&apos;은(는) 1 이상의 정수가 아닙니다.</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a whole number of won.</source>
        <translation>&apos;{value}&apos;은(는) 원 단위 정수가 아닙니다.</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a whole number.</source>
        <translation>&apos;{value}&apos;은(는) 정수가 아닙니다.</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a workshop method.</source>
        <translation>&apos;{value}&apos;은(는) 워크숍 평가 방식이 아닙니다.</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a {what} (one of: {choices})</source>
        <translation>&apos;{value}&apos;은(는) 올바른 {what}이(가) 아닙니다(가능한 값: {choices})</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not an amount of money; write it as 1,200,000 or 1200000 (KRW), or as 12억 or 1,200백만원.</source>
        <translation>&apos;{value}&apos;은(는) 금액이 아닙니다. 1,200,000 또는 1200000(원), 12억 또는 1,200백만원 형식으로 입력하십시오.</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not an item of this checklist (one of: {choices})</source>
        <translation>&apos;{value}&apos;은(는) 이 점검표의 항목이 아닙니다(가능한 값: {choices})</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not an item of this checklist.</source>
        <translation>&apos;{value}&apos;은(는) 이 점검표의 항목이 아닙니다.</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not one of the allowed values.</source>
        <translation>&apos;{value}&apos;은(는) 허용된 값이 아닙니다.</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not one of: {choices}.</source>
        <translation>&apos;{value}&apos;은(는) 다음 값 중 하나가 아닙니다: {choices}.</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not yes or no; write 예/아니요, Y/N, O/X, TRUE/FALSE or 1/0.</source>
        <translation>&apos;{value}&apos;은(는) 예/아니요 값이 아닙니다. 예/아니요, Y/N, O/X, TRUE/FALSE 또는 1/0으로 입력하십시오.</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is too large an amount.</source>
        <translation>&apos;{value}&apos;은(는) 너무 큰 금액입니다.</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; names {count} funding rules.</source>
        <translation>&apos;{value}&apos;에 해당하는 재원 기준이 {count}개입니다.</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; names {count} {kind} rows; write it as name (organisation).</source>
        <translation>&apos;{value}&apos;에 해당하는 {kind}이(가) {count}개입니다. &apos;이름 (소속 기관)&apos; 형식으로 입력하십시오.</translation>
    </message>
    <message>
        <source>&apos;{year}-{month}-{day}&apos; is not a date.</source>
        <translation>&apos;{year}-{month}-{day}&apos;은(는) 올바른 날짜가 아닙니다.</translation>
    </message>
    <message>
        <source>(To be written)</source>
        <translation>(작성 필요)</translation>
    </message>
    <message>
        <source>(To be written: {hint})</source>
        <translation>(작성 필요: {hint})</translation>
    </message>
    <message>
        <source>(Unit: KRW million)</source>
        <translation>(단위: 백만원)</translation>
    </message>
    <message>
        <source>(Unit: {unit})</source>
        <translation>(단위: {unit})</translation>
    </message>
    <message>
        <source>(already the case without the delay)</source>
        <translation>(지연이 없어도 이미 그러함)</translation>
    </message>
    <message>
        <source>(and {count} more)</source>
        <translation>(외 {count}건)</translation>
    </message>
    <message>
        <source>(answers start unanswered)</source>
        <translation>(답변은 &apos;미응답&apos;으로 시작)</translation>
    </message>
    <message>
        <source>(column {number})</source>
        <translation>({number}번째 열)</translation>
    </message>
    <message>
        <source>(deleted)</source>
        <translation>(삭제됨)</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(비어 있음)</translation>
    </message>
    <message>
        <source>(missing item)</source>
        <translation>(없는 항목)</translation>
    </message>
    <message>
        <source>(no money planned)</source>
        <translation>(계획된 예산 없음)</translation>
    </message>
    <message>
        <source>(nobody)</source>
        <translation>(없음)</translation>
    </message>
    <message>
        <source>(none of these links)</source>
        <translation>(해당 연결 없음)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(없음)</translation>
    </message>
    <message>
        <source>(not there)</source>
        <translation>(없음)</translation>
    </message>
    <message>
        <source>(unchanged)</source>
        <translation>(변경 없음)</translation>
    </message>
    <message>
        <source>(unknown)</source>
        <translation>(알 수 없음)</translation>
    </message>
    <message>
        <source>(unnamed profile)</source>
        <translation>(이름 없는 지침)</translation>
    </message>
    <message>
        <source>+ / − vote · ↑↓ move · N new · S note · M method · R save round · C compare</source>
        <translation>+ / − 투표 · ↑↓ 이동 · N 새 과제 · S 메모 · M 방식 · R 라운드 저장 · C 비교</translation>
    </message>
    <message>
        <source>+{count} more</source>
        <translation>외 {count}개</translation>
    </message>
    <message>
        <source>--column: &apos;{value}&apos; is not HEADER=FIELD.</source>
        <translation>--column: &apos;{value}&apos;은(는) HEADER=FIELD 형식이 아닙니다.</translation>
    </message>
    <message>
        <source>--delay {value}: the months for {code} must be a whole number, e.g. {code}=3.</source>
        <translation>--delay {value}: {code}의 개월 수는 정수여야 합니다(예: {code}=3).</translation>
    </message>
    <message>
        <source>--delay {value}: write it as CODE=MONTHS, e.g. A-01=3.</source>
        <translation>--delay {value}: 코드=개월 수 형식으로 적으십시오(예: A-01=3).</translation>
    </message>
    <message>
        <source>--delay: {code} is given more than once.</source>
        <translation>--delay: {code}이(가) 두 번 이상 지정되었습니다.</translation>
    </message>
    <message>
        <source>--import-preview needs FILE or --demo</source>
        <translation>--import-preview에는 FILE 또는 --demo가 필요합니다</translation>
    </message>
    <message>
        <source>--kind chooses the table of a .csv file; {suffix} files hold more than one.</source>
        <translation>--kind는 .csv 파일의 표를 고르는 옵션입니다. {suffix} 파일에는 여러 표가 들어갑니다.</translation>
    </message>
    <message>
        <source>--kind: &apos;{kind}&apos; is not one of: {kinds}.</source>
        <translation>--kind: &apos;{kind}&apos;은(는) 다음 중 하나가 아닙니다: {kinds}.</translation>
    </message>
    <message>
        <source>--merge-preview needs FILE or --demo</source>
        <translation>--merge-preview에는 FILE 또는 --demo가 필요합니다</translation>
    </message>
    <message>
        <source>--present needs FILE or --demo</source>
        <translation>--present에는 FILE 또는 --demo가 필요합니다</translation>
    </message>
    <message>
        <source>--slide counts from 1</source>
        <translation>--slide는 1부터 셉니다</translation>
    </message>
    <message>
        <source>--today: &apos;{value}&apos; is not a date such as 2026-09-10.</source>
        <translation>--today: &apos;{value}&apos;은(는) 2026-09-10 같은 날짜가 아닙니다.</translation>
    </message>
    <message>
        <source>--year: {year} is not a plausible year.</source>
        <translation>--year: {year}은(는) 올바른 연도가 아닙니다.</translation>
    </message>
    <message>
        <source>1 breach</source>
        <translation>위반 1건</translation>
    </message>
    <message>
        <source>1 error: fix it to export the PDF</source>
        <translation>오류 1건: 수정해야 PDF를 내보낼 수 있습니다</translation>
    </message>
    <message>
        <source>1–5 impact · Shift+1–5 feasibility · Tab switch · 0 clear · + / − vote · N new · S note · M method</source>
        <translation>1–5 영향 · Shift+1–5 실현가능성 · Tab 전환 · 0 지우기 · + / − 투표 · N 새 과제 · S 메모 · M 방식</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; 이전(&amp;B)</translation>
    </message>
    <message>
        <source>&lt;Figure&gt; {title}</source>
        <translation>&lt;그림&gt; {title}</translation>
    </message>
    <message>
        <source>A &lt;key&gt; declaration has no id; the file is not valid GraphML.</source>
        <translation>&lt;key&gt; 선언에 id가 없습니다. 올바른 GraphML 파일이 아닙니다.</translation>
    </message>
    <message>
        <source>A CSV file holds one table. &amp;Which table do you want to export?</source>
        <translation>CSV 파일에는 표 하나만 담을 수 있습니다. 내보낼 표를 선택하십시오(&amp;W).</translation>
    </message>
    <message>
        <source>A body section cannot follow an appendix; put the appendices last.</source>
        <translation>붙임 다음에 본문 절을 둘 수 없습니다. 붙임은 맨 뒤에 두십시오.</translation>
    </message>
    <message>
        <source>A comment holds at most {count} characters; this one has {length}.</source>
        <translation>의견은 최대 {count}자까지 쓸 수 있습니다. 현재 {length}자입니다.</translation>
    </message>
    <message>
        <source>A field holds one of the values the programme allows</source>
        <translation>항목 값이 사업에서 허용하는 값 중 하나임</translation>
    </message>
    <message>
        <source>A field no longer in the plan</source>
        <translation>계획에서 삭제된 분야</translation>
    </message>
    <message>
        <source>A milestone (no duration)</source>
        <translation>마일스톤(기간 없음)</translation>
    </message>
    <message>
        <source>A month is its first day at 00:00; an initiative lasts the calendar days of its months.</source>
        <translation>한 달은 그달 1일 0시로 적고, 과제 기간은 해당 달들의 날 수입니다.</translation>
    </message>
    <message>
        <source>A position must be two finite numbers.</source>
        <translation>위치는 유한한 두 수여야 합니다.</translation>
    </message>
    <message>
        <source>A saved version is damaged: {reason}</source>
        <translation>저장된 버전이 손상되었습니다: {reason}</translation>
    </message>
    <message>
        <source>A saved version is too large to unpack.</source>
        <translation>저장된 버전이 너무 커서 풀 수 없습니다.</translation>
    </message>
    <message>
        <source>A section holds one of narrative, block or sections; this one has {keys}.</source>
        <translation>절에는 narrative, block, sections 중 하나만 둘 수 있으나 이 절에는 {keys}이(가) 있습니다.</translation>
    </message>
    <message>
        <source>A section needs a narrative, a block or sections.</source>
        <translation>절에는 narrative, block, sections 중 하나가 있어야 합니다.</translation>
    </message>
    <message>
        <source>A stakeholder cannot be related to itself.</source>
        <translation>이해관계자는 자기 자신과 관계를 맺을 수 없습니다.</translation>
    </message>
    <message>
        <source>A sticky note goes on an initiative or a stakeholder.</source>
        <translation>메모는 과제 또는 이해관계자에만 붙일 수 있습니다.</translation>
    </message>
    <message>
        <source>A vote change must add or remove at least one vote.</source>
        <translation>투표는 한 표 이상 더하거나 빼야 합니다.</translation>
    </message>
    <message>
        <source>AI ethics (10)</source>
        <translation>AI 윤리기준(10)</translation>
    </message>
    <message>
        <source>AI ethics standard</source>
        <translation>인공지능 윤리기준</translation>
    </message>
    <message>
        <source>AI ethics: items of the national AI ethics standard&apos;s 10 core requirements answered; trustworthy AI: items of the 15 requirements of the trustworthy-AI development guide answered. PIA needed: 50,000 or more data subjects with sensitive or unique-identifier data, or 1,000,000 or more data subjects.</source>
        <translation>AI 윤리기준: 국가 인공지능 윤리기준 10대 핵심요건 중 점검을 마친 항목 수, 신뢰할 수 있는 AI: 신뢰할 수 있는 인공지능 개발 안내서 15개 요구사항 중 점검을 마친 항목 수임. 영향평가 대상: 민감정보 또는 고유식별정보를 포함한 정보주체 5만 명 이상, 또는 정보주체 100만 명 이상인 경우임.</translation>
    </message>
    <message>
        <source>AI initiatives have the AI-ethics self-check complete (10 core requirements)</source>
        <translation>AI 과제의 인공지능 윤리 자율점검(10대 핵심요건) 완료</translation>
    </message>
    <message>
        <source>AI initiatives have the trustworthy-AI self-check complete (15 requirements)</source>
        <translation>AI 과제의 신뢰할 수 있는 AI 자율점검(15개 요구사항) 완료</translation>
    </message>
    <message>
        <source>AI technology</source>
        <translation>AI 기술</translation>
    </message>
    <message>
        <source>About</source>
        <translation>정보</translation>
    </message>
    <message>
        <source>About Convergence Planner</source>
        <translation>Convergence Planner 정보</translation>
    </message>
    <message>
        <source>Academia &amp; research</source>
        <translation>학계·연구기관</translation>
    </message>
    <message>
        <source>Accountable</source>
        <translation>책임(A)</translation>
    </message>
    <message>
        <source>Accountable (A)</source>
        <translation>최종 책임(A)</translation>
    </message>
    <message>
        <source>Achievement</source>
        <translation>달성률</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>실적</translation>
    </message>
    <message>
        <source>Actual finish</source>
        <translation>실제 종료</translation>
    </message>
    <message>
        <source>Actual start</source>
        <translation>실제 시작</translation>
    </message>
    <message>
        <source>Actual {year}</source>
        <translation>{year} 실적</translation>
    </message>
    <message>
        <source>Actuals recorded for {recorded} of {count} KPIs; achievement = actual ÷ target.</source>
        <translation>성과지표 {count}개 중 {recorded}개의 실적이 입력됨. 달성률 = 실적 ÷ 목표임.</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>추가</translation>
    </message>
    <message>
        <source>Add &apos;{name}&apos; from template</source>
        <translation>템플릿에서 &apos;{name}&apos; 추가</translation>
    </message>
    <message>
        <source>Add Initiative</source>
        <translation>과제 추가</translation>
    </message>
    <message>
        <source>Add a sticky note</source>
        <translation>메모지 추가</translation>
    </message>
    <message>
        <source>Add a vote to &apos;{code}&apos;</source>
        <translation>&apos;{code}&apos;에 한 표 추가</translation>
    </message>
    <message>
        <source>Add an initiative from a service template</source>
        <translation>서비스 템플릿으로 과제 추가</translation>
    </message>
    <message>
        <source>Add comment</source>
        <translation>의견 추가</translation>
    </message>
    <message>
        <source>Add dependency</source>
        <translation>선후행 관계 추가</translation>
    </message>
    <message>
        <source>Add from Template</source>
        <translation>템플릿에서 추가</translation>
    </message>
    <message>
        <source>Add from template…</source>
        <translation>템플릿에서 추가…</translation>
    </message>
    <message>
        <source>Add initiative</source>
        <translation>추진과제 추가</translation>
    </message>
    <message>
        <source>Add initiative &apos;{title}&apos;</source>
        <translation>과제 &apos;{title}&apos; 추가</translation>
    </message>
    <message>
        <source>Add note…</source>
        <translation>메모 추가…</translation>
    </message>
    <message>
        <source>Add slide</source>
        <translation>슬라이드 추가</translation>
    </message>
    <message>
        <source>Add stakeholder</source>
        <translation>이해관계자 추가</translation>
    </message>
    <message>
        <source>Add stakeholder &apos;{name}&apos;</source>
        <translation>이해관계자 &apos;{name}&apos; 추가</translation>
    </message>
    <message>
        <source>Add sticky note</source>
        <translation>메모 붙이기</translation>
    </message>
    <message>
        <source>Add the rows copied from a spreadsheet (Ctrl+V)</source>
        <translation>스프레드시트에서 복사한 행을 추가합니다 (Ctrl+V)</translation>
    </message>
    <message>
        <source>Add the text as a new comment (Ctrl+Enter)</source>
        <translation>입력한 내용을 새 의견으로 추가합니다(Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Add the text as a reply in the chosen thread</source>
        <translation>입력한 내용을 선택한 의견의 답글로 추가합니다</translation>
    </message>
    <message>
        <source>Add {count} stakeholders</source>
        <translation>이해관계자 {count}명 추가</translation>
    </message>
    <message>
        <source>Add {kind}</source>
        <translation>{kind} 추가</translation>
    </message>
    <message>
        <source>Added since the baseline:</source>
        <translation>기준 계획 이후 추가된 과제:</translation>
    </message>
    <message>
        <source>Adds the funding rule “{rule}”.</source>
        <translation>재원 기준 “{rule}”을(를) 추가합니다.</translation>
    </message>
    <message>
        <source>Adds {code} “{title}” starting {month}.</source>
        <translation>{code} “{title}”을(를) {month}부터 추진하는 과제로 추가합니다.</translation>
    </message>
    <message>
        <source>Advises</source>
        <translation>자문</translation>
    </message>
    <message>
        <source>After</source>
        <translation>변경 후</translation>
    </message>
    <message>
        <source>After merging, there would be two {kind} rows for {value}; the one from {side} is kept and the other left out (its values are kept with this conflict).</source>
        <translation>병합하면 {value}에 대한 {kind}이(가) 두 개가 됩니다. {side}의 것을 유지하고 다른 하나는 제외했습니다(그 값은 이 충돌 기록에 보관).</translation>
    </message>
    <message>
        <source>After merging, {value} would be used twice; {label} keeps the value it has in {side}: {new}.</source>
        <translation>병합하면 {value}이(가) 두 번 쓰입니다. {label}은(는) {side}의 값 {new}을(를) 유지합니다.</translation>
    </message>
    <message>
        <source>After merging, {value} would be used twice; {label} now has {new} until you choose.</source>
        <translation>병합하면 {value}이(가) 두 번 쓰입니다. 결정할 때까지 {label}에는 {new}을(를) 붙였습니다.</translation>
    </message>
    <message>
        <source>After the text, the PDF shows: {block}</source>
        <translation>본문 다음에 PDF에 표시되는 내용: {block}</translation>
    </message>
    <message>
        <source>All</source>
        <translation>전체</translation>
    </message>
    <message>
        <source>All O&amp;urs</source>
        <translation>모두 우리 쪽(&amp;U)</translation>
    </message>
    <message>
        <source>All Th&amp;eirs</source>
        <translation>모두 상대 쪽(&amp;E)</translation>
    </message>
    <message>
        <source>All changes since the last save will be lost. This cannot be undone.</source>
        <translation>마지막 저장 뒤에 바꾼 내용이 모두 없어집니다. 되돌릴 수 없습니다.</translation>
    </message>
    <message>
        <source>All fields</source>
        <translation>모든 분야</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>모든 파일 (*)</translation>
    </message>
    <message>
        <source>All sectors</source>
        <translation>모든 부문</translation>
    </message>
    <message>
        <source>All supported files ({patterns})</source>
        <translation>지원하는 모든 파일 ({patterns})</translation>
    </message>
    <message>
        <source>All tags</source>
        <translation>모든 태그</translation>
    </message>
    <message>
        <source>All {count} initiatives that follow a funding rule comply with it.</source>
        <translation>재원 기준이 있는 과제 {count}개가 모두 기준을 지킵니다.</translation>
    </message>
    <message>
        <source>Also named “{name}”.</source>
        <translation>다른 이름: “{name}”.</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>금액</translation>
    </message>
    <message>
        <source>Amounts</source>
        <translation>금액</translation>
    </message>
    <message>
        <source>An initiative cannot depend on itself.</source>
        <translation>추진과제는 자기 자신에 선행할 수 없습니다.</translation>
    </message>
    <message>
        <source>An internal error stopped the work: {reason}</source>
        <translation>내부 오류로 작업이 중단되었습니다: {reason}</translation>
    </message>
    <message>
        <source>An option holds a value or a list of values.</source>
        <translation>옵션에는 값 하나 또는 값의 목록을 쓸 수 있습니다.</translation>
    </message>
    <message>
        <source>Anchors and aliases (&amp; and *) are not allowed in a profile.</source>
        <translation>프로파일에는 YAML 앵커와 별칭(&amp;, *)을 쓸 수 없습니다.</translation>
    </message>
    <message>
        <source>Annual implementation plan</source>
        <translation>연도별 실행계획</translation>
    </message>
    <message>
        <source>Another &lt;key&gt; already has this id.</source>
        <translation>같은 id의 &lt;key&gt;가 이미 있습니다.</translation>
    </message>
    <message>
        <source>Another edge already has this id.</source>
        <translation>같은 id의 연결선이 이미 있습니다.</translation>
    </message>
    <message>
        <source>Another node already has this id.</source>
        <translation>같은 id의 노드가 이미 있습니다.</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>응답</translation>
    </message>
    <message>
        <source>Appendix</source>
        <translation>붙임</translation>
    </message>
    <message>
        <source>Approval</source>
        <translation>결재</translation>
    </message>
    <message>
        <source>Approval box (결재란)</source>
        <translation>결재란</translation>
    </message>
    <message>
        <source>Approval box columns</source>
        <translation>결재란 칸</translation>
    </message>
    <message>
        <source>At least one KPI</source>
        <translation>성과지표 1개 이상</translation>
    </message>
    <message>
        <source>At least one milestone</source>
        <translation>마일스톤 1개 이상</translation>
    </message>
    <message>
        <source>At least one partner</source>
        <translation>협력기관 1곳 이상</translation>
    </message>
    <message>
        <source>Attitude</source>
        <translation>태도</translation>
    </message>
    <message>
        <source>Attribute</source>
        <translation>속성</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>작성자</translation>
    </message>
    <message>
        <source>Author:</source>
        <translation>작성자:</translation>
    </message>
    <message>
        <source>Automatic title</source>
        <translation>자동 제목</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>뒤로</translation>
    </message>
    <message>
        <source>Base</source>
        <translation>공통 원본</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>기준값</translation>
    </message>
    <message>
        <source>Baseline (year)</source>
        <translation>기준값(연도)</translation>
    </message>
    <message>
        <source>Baseline budget lines</source>
        <translation>기준 계획 예산 항목</translation>
    </message>
    <message>
        <source>Baseline initiatives</source>
        <translation>기준 계획 과제</translation>
    </message>
    <message>
        <source>Baseline plan</source>
        <translation>기준 계획</translation>
    </message>
    <message>
        <source>Baseline year</source>
        <translation>기준 연도</translation>
    </message>
    <message>
        <source>Baseline:</source>
        <translation>기준 계획:</translation>
    </message>
    <message>
        <source>Baselines</source>
        <translation>기준 계획</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>변경 전</translation>
    </message>
    <message>
        <source>Betweenness</source>
        <translation>매개 중심성</translation>
    </message>
    <message>
        <source>Black ring: broker · dashed outline: isolated · orange ring: stakeholder of the selected initiative</source>
        <translation>검은 테두리: 중개자 · 점선 테두리: 고립 · 주황 테두리: 선택한 사업의 이해관계자</translation>
    </message>
    <message>
        <source>Blue</source>
        <translation>파랑</translation>
    </message>
    <message>
        <source>Bold</source>
        <translation>굵게</translation>
    </message>
    <message>
        <source>Bold (Ctrl+B)</source>
        <translation>굵게 (Ctrl+B)</translation>
    </message>
    <message>
        <source>Bot&amp;h</source>
        <translation>양쪽 모두(&amp;H)</translation>
    </message>
    <message>
        <source>Both</source>
        <translation>양쪽 모두</translation>
    </message>
    <message>
        <source>Both sides added this {kind} with a different {field}.</source>
        <translation>양쪽이 이 {kind}을(를) 서로 다른 {field}(으)로 추가했습니다.</translation>
    </message>
    <message>
        <source>Both sides changed {field}.</source>
        <translation>양쪽이 {field}을(를) 변경했습니다.</translation>
    </message>
    <message>
        <source>Broker</source>
        <translation>중개자</translation>
    </message>
    <message>
        <source>Broker (links otherwise separate groups)</source>
        <translation>중개자 (떨어진 집단을 잇는 이해관계자)</translation>
    </message>
    <message>
        <source>Brokers</source>
        <translation>중개자</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>예산</translation>
    </message>
    <message>
        <source>Budget (KRW million)</source>
        <translation>예산(백만원)</translation>
    </message>
    <message>
        <source>Budget ({unit})</source>
        <translation>예산({unit})</translation>
    </message>
    <message>
        <source>Budget by fiscal year and funding source</source>
        <translation>연도별·재원별 예산</translation>
    </message>
    <message>
        <source>Budget by initiative</source>
        <translation>과제별 예산</translation>
    </message>
    <message>
        <source>Budget by initiative ({unit})</source>
        <translation>과제별 예산 ({unit})</translation>
    </message>
    <message>
        <source>Budget by year</source>
        <translation>연도별 예산</translation>
    </message>
    <message>
        <source>Budget by year and source</source>
        <translation>연차별·재원별 예산</translation>
    </message>
    <message>
        <source>Budget by year and source ({unit})</source>
        <translation>연도·재원별 예산 ({unit})</translation>
    </message>
    <message>
        <source>Budget chart</source>
        <translation>예산 차트</translation>
    </message>
    <message>
        <source>Budget executed in {year}</source>
        <translation>{year}년 예산 집행 실적</translation>
    </message>
    <message>
        <source>Budget line</source>
        <translation>예산 항목</translation>
    </message>
    <message>
        <source>Budget lines</source>
        <translation>예산 항목</translation>
    </message>
    <message>
        <source>Budget lines add up to the declared totals by year and source</source>
        <translation>예산 항목의 합이 연도별·재원별 총액과 일치함</translation>
    </message>
    <message>
        <source>Budget of each initiative by fiscal year</source>
        <translation>과제별 연도별 예산</translation>
    </message>
    <message>
        <source>Budget table</source>
        <translation>연차별·재원별 예산표</translation>
    </message>
    <message>
        <source>Budget that moves into another fiscal year ({amount} in all):</source>
        <translation>다른 회계연도로 넘어가는 예산(모두 {amount}):</translation>
    </message>
    <message>
        <source>Budget total</source>
        <translation>예산 합계</translation>
    </message>
    <message>
        <source>Budget totals</source>
        <translation>예산 총액</translation>
    </message>
    <message>
        <source>Budget: {baseline} → {current}</source>
        <translation>예산: {baseline} → {current}</translation>
    </message>
    <message>
        <source>Build</source>
        <translation>구축</translation>
    </message>
    <message>
        <source>Building the PDF</source>
        <translation>PDF 만드는 중</translation>
    </message>
    <message>
        <source>Building the PDF…</source>
        <translation>PDF를 만드는 중…</translation>
    </message>
    <message>
        <source>Built in</source>
        <translation>기본 제공</translation>
    </message>
    <message>
        <source>Built with Qt {qt} and Qt for Python (PySide6 {pyside}), used under the GNU LGPL version 3.</source>
        <translation>Qt {qt}와 Qt for Python(PySide6 {pyside})으로 만들었으며, GNU LGPL 3판에 따라 사용합니다.</translation>
    </message>
    <message>
        <source>C&amp;heck</source>
        <translation>검사(&amp;H)</translation>
    </message>
    <message>
        <source>C&amp;opy Problems</source>
        <translation>문제 복사(&amp;O)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Cannot Create Plan</source>
        <translation>계획을 만들 수 없음</translation>
    </message>
    <message>
        <source>Cannot Delete</source>
        <translation>삭제할 수 없음</translation>
    </message>
    <message>
        <source>Cannot Export the Slides</source>
        <translation>슬라이드를 내보낼 수 없음</translation>
    </message>
    <message>
        <source>Cannot Name Version</source>
        <translation>버전 이름을 붙일 수 없음</translation>
    </message>
    <message>
        <source>Cannot Open Plan</source>
        <translation>계획을 열 수 없음</translation>
    </message>
    <message>
        <source>Cannot Open Team Plan</source>
        <translation>팀 계획을 열 수 없음</translation>
    </message>
    <message>
        <source>Cannot Open Version</source>
        <translation>버전을 열 수 없음</translation>
    </message>
    <message>
        <source>Cannot Open the Demo Plan</source>
        <translation>예시 계획을 열 수 없음</translation>
    </message>
    <message>
        <source>Cannot Recover Plan</source>
        <translation>계획을 복구할 수 없음</translation>
    </message>
    <message>
        <source>Cannot Restore Version</source>
        <translation>버전을 복원할 수 없음</translation>
    </message>
    <message>
        <source>Cannot Revert Plan</source>
        <translation>계획을 되돌릴 수 없음</translation>
    </message>
    <message>
        <source>Cannot Save Plan</source>
        <translation>계획을 저장할 수 없음</translation>
    </message>
    <message>
        <source>Cannot Save the Report</source>
        <translation>보고서를 저장할 수 없음</translation>
    </message>
    <message>
        <source>Cap a year</source>
        <translation>연간 한도</translation>
    </message>
    <message>
        <source>Central government</source>
        <translation>중앙정부</translation>
    </message>
    <message>
        <source>Centrality</source>
        <translation>중심성</translation>
    </message>
    <message>
        <source>Champion</source>
        <translation>적극 지지</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>변화</translation>
    </message>
    <message>
        <source>Change log entries</source>
        <translation>변경 이력</translation>
    </message>
    <message>
        <source>Change of rank after the last edit</source>
        <translation>마지막 입력 후 순위 변동</translation>
    </message>
    <message>
        <source>Change the guideline profile</source>
        <translation>작성 지침 변경</translation>
    </message>
    <message>
        <source>Changed by Someone Else</source>
        <translation>다른 사용자가 변경함</translation>
    </message>
    <message>
        <source>Changed by {name} at {time}</source>
        <translation>{name}님이 {time}에 변경함</translation>
    </message>
    <message>
        <source>Changed field</source>
        <translation>변경 항목</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>변경 내역</translation>
    </message>
    <message>
        <source>Chart of the budget by fiscal year and funding source</source>
        <translation>연도별·재원별 예산 차트</translation>
    </message>
    <message>
        <source>Chart of the plan&apos;s KPI targets by year</source>
        <translation>계획 성과지표의 연도별 목표 차트</translation>
    </message>
    <message>
        <source>Chec&amp;k Plan</source>
        <translation>계획 점검(&amp;K)</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>점검 항목</translation>
    </message>
    <message>
        <source>Check the file and, when it has no problems, import it into the plan as one change. Exit status: 0 when imported (or importable, with --dry-run), 2 when the file is refused (every problem is listed; the plan is unchanged) or on bad input.</source>
        <translation>파일을 검사하고 문제가 없으면 하나의 변경으로 계획에 가져옵니다. 종료 상태: 가져왔을 때(--dry-run이면 가져올 수 있을 때) 0, 파일이 거부되었을 때(모든 문제를 표시하며 계획은 변경되지 않음) 또는 입력이 잘못되었을 때 2.</translation>
    </message>
    <message>
        <source>Check the plan against its guideline profile and write the document. Exit status: 0 when written, 1 when the profile&apos;s errors refuse it (listed; --force writes a draft), 2 on bad input. --lang also chooses the document&apos;s language (default: the profile&apos;s).</source>
        <translation>계획을 지침 프로파일에 따라 점검하고 문서를 씁니다. 종료 상태: 썼으면 0, 프로파일의 오류로 거부되면 1(오류 목록을 보여 주며 --force로 초안을 쓸 수 있음), 잘못된 입력이면 2입니다. --lang은 문서의 언어도 정합니다(기본값: 프로파일의 언어).</translation>
    </message>
    <message>
        <source>Check the plan and write its PDF (Ctrl+E)</source>
        <translation>계획을 점검하고 PDF로 내보냅니다 (Ctrl+E)</translation>
    </message>
    <message>
        <source>Checked against the profile {id} ({name}).</source>
        <translation>{id} ({name}) 프로필로 점검했습니다.</translation>
    </message>
    <message>
        <source>Checking the merged plan…</source>
        <translation>병합한 계획을 검사하는 중…</translation>
    </message>
    <message>
        <source>Checking {file} against the plan…</source>
        <translation>{file}을(를) 계획과 대조하여 검사하는 중…</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>점검표</translation>
    </message>
    <message>
        <source>Checklist answer</source>
        <translation>점검표 응답</translation>
    </message>
    <message>
        <source>Checklist answers</source>
        <translation>점검표 응답</translation>
    </message>
    <message>
        <source>Checklists</source>
        <translation>점검표</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>점검</translation>
    </message>
    <message>
        <source>Checks of the merged plan (schedule, guideline profile {profile}):</source>
        <translation>병합된 계획 점검(일정, 지침 프로필 {profile}):</translation>
    </message>
    <message>
        <source>Choose &amp;Base File…</source>
        <translation>공통 원본 파일 선택(&amp;B)…</translation>
    </message>
    <message>
        <source>Choose &amp;File…</source>
        <translation>파일 선택(&amp;F)…</translation>
    </message>
    <message>
        <source>Choose a conflict to decide it; O keeps ours, T theirs, B both.</source>
        <translation>결정할 충돌을 고르십시오. O는 우리 쪽, T는 상대 쪽, B는 양쪽 모두를 유지합니다.</translation>
    </message>
    <message>
        <source>Choose a file to import. These can be read:</source>
        <translation>가져올 파일을 선택하십시오. 가져올 수 있는 형식:</translation>
    </message>
    <message>
        <source>Choose the Common Base File</source>
        <translation>공통 원본 파일 선택</translation>
    </message>
    <message>
        <source>Choose the interface language</source>
        <translation>인터페이스 언어를 선택합니다</translation>
    </message>
    <message>
        <source>Choose the interface language and your name</source>
        <translation>인터페이스 언어와 사용자 이름을 설정합니다</translation>
    </message>
    <message>
        <source>Circle size: influence</source>
        <translation>원의 크기: 영향력</translation>
    </message>
    <message>
        <source>Circle size: influence · line width: strength · arrow: directed</source>
        <translation>원 크기: 영향력 · 선 굵기: 관계 강도 · 화살표: 방향 있는 관계</translation>
    </message>
    <message>
        <source>City/county/district (시·군·구)</source>
        <translation>시·군·구</translation>
    </message>
    <message>
        <source>Civil society &amp; residents</source>
        <translation>시민사회·주민</translation>
    </message>
    <message>
        <source>Clear Recent Plans</source>
        <translation>최근 계획 목록 지우기</translation>
    </message>
    <message>
        <source>Clear the role of {name} on {code}</source>
        <translation>{code}에서 {name}의 역할 해제</translation>
    </message>
    <message>
        <source>Clear the workshop ratings</source>
        <translation>워크숍 평가 초기화</translation>
    </message>
    <message>
        <source>Clear {count} RACI roles</source>
        <translation>RACI 역할 {count}개 지우기</translation>
    </message>
    <message>
        <source>Click a violation to show that initiative&apos;s budget.</source>
        <translation>위반 항목을 누르면 해당 과제의 예산을 보여 줍니다.</translation>
    </message>
    <message>
        <source>Click the initiative that follows {code} (Esc cancels).</source>
        <translation>{code} 다음에 오는 추진과제를 클릭하십시오(Esc: 취소).</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>종결</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>코드</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>색</translation>
    </message>
    <message>
        <source>Colour stakeholders by community instead of sector</source>
        <translation>부문 대신 커뮤니티별로 이해관계자 색을 칠합니다</translation>
    </message>
    <message>
        <source>Colour:</source>
        <translation>색상:</translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation>파일의 열</translation>
    </message>
    <message>
        <source>Column or field</source>
        <translation>열·항목</translation>
    </message>
    <message>
        <source>Columns of the file and the fields they are read as</source>
        <translation>파일의 열과 각 열을 읽을 항목</translation>
    </message>
    <message>
        <source>Coming in a later release: {what}</source>
        <translation>다음 판에서 제공: {what}</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>의견</translation>
    </message>
    <message>
        <source>Comment and replies</source>
        <translation>의견 및 답글</translation>
    </message>
    <message>
        <source>Comment threads by item: unresolved ones (or all, with the option include: all)</source>
        <translation>항목별 의견 스레드: 미해결 의견(옵션 include: all이면 전체)</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>의견</translation>
    </message>
    <message>
        <source>Comments ({count} unresolved)</source>
        <translation>의견(미해결 {count}건)</translation>
    </message>
    <message>
        <source>Comments ({count})</source>
        <translation>의견({count})</translation>
    </message>
    <message>
        <source>Comments go on an initiative, a stakeholder, a KPI or a section.</source>
        <translation>의견은 추진과제, 이해관계자, 성과지표 또는 서술 항목에만 달 수 있습니다.</translation>
    </message>
    <message>
        <source>Communities</source>
        <translation>커뮤니티</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>커뮤니티</translation>
    </message>
    <message>
        <source>Community {number}</source>
        <translation>커뮤니티 {number}</translation>
    </message>
    <message>
        <source>Compare rounds…</source>
        <translation>라운드 비교…</translation>
    </message>
    <message>
        <source>Compare with:</source>
        <translation>비교 대상:</translation>
    </message>
    <message>
        <source>Compared with the baseline &apos;{name}&apos; (saved {saved}), progress as of {month}</source>
        <translation>기준 계획 &apos;{name}&apos;({saved} 저장)과 비교, 진척 기준 월 {month}</translation>
    </message>
    <message>
        <source>Comparison of the two rounds</source>
        <translation>두 라운드 비교</translation>
    </message>
    <message>
        <source>Complies</source>
        <translation>충족</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>구성요소</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>충돌</translation>
    </message>
    <message>
        <source>Conflicts ({count}): {kinds}</source>
        <translation>충돌 {count}건: {kinds}</translation>
    </message>
    <message>
        <source>Conflicts: {count} — keeping ours {ours}, theirs {theirs}, both {both}.</source>
        <translation>충돌 {count}건 — 우리 쪽 {ours}건, 상대 쪽 {theirs}건, 양쪽 모두 {both}건 유지.</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>연결</translation>
    </message>
    <message>
        <source>Connected to the server again; live updates resumed.</source>
        <translation>서버에 다시 연결되어 실시간 반영을 재개했습니다.</translation>
    </message>
    <message>
        <source>Consulted</source>
        <translation>협의(C)</translation>
    </message>
    <message>
        <source>Consulted (C)</source>
        <translation>협의(C)</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>연락처</translation>
    </message>
    <message>
        <source>Contact department</source>
        <translation>담당 부서</translation>
    </message>
    <message>
        <source>Contact name</source>
        <translation>담당자</translation>
    </message>
    <message>
        <source>Contact phone</source>
        <translation>연락처</translation>
    </message>
    <message>
        <source>Contact table</source>
        <translation>담당자 표</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>내용</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>목차</translation>
    </message>
    <message>
        <source>Continue on a Local Copy</source>
        <translation>로컬 사본으로 계속하기</translation>
    </message>
    <message>
        <source>Continues beyond the years shown</source>
        <translation>표시 기간 밖으로 이어짐</translation>
    </message>
    <message>
        <source>Contract method</source>
        <translation>계약 방법</translation>
    </message>
    <message>
        <source>Convergence Planner</source>
        <translation>Convergence Planner</translation>
    </message>
    <message>
        <source>Convergence Planner closed unexpectedly while these plans had unsaved changes. Recover one to continue where you left off.</source>
        <translation>이 계획들에 저장하지 않은 내용이 있는 채로 Convergence Planner가 갑자기 닫혔습니다. 복구하면 하던 곳부터 이어서 할 수 있습니다.</translation>
    </message>
    <message>
        <source>Convergence Planner includes these components. Select one to read its licence.</source>
        <translation>Convergence Planner에 포함된 구성요소입니다. 항목을 선택하면 라이선스 전문을 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>Convergence Planner plan (*.cplan)</source>
        <translation>Convergence Planner 계획 (*.cplan)</translation>
    </message>
    <message>
        <source>Convergence Planner without a screen.</source>
        <translation>화면 없이 쓰는 Convergence Planner입니다.</translation>
    </message>
    <message>
        <source>Convergence Planner: plan AI-convergence work offline.</source>
        <translation>Convergence Planner: 인터넷 없이 AI 융합 사업을 계획합니다.</translation>
    </message>
    <message>
        <source>Copied the profile {source} to {file}; edit it, then run &apos;cplan profiles&apos; to check it.</source>
        <translation>프로파일 {source}을(를) {file}(으)로 복사했습니다. 편집한 뒤 &apos;cplan profiles&apos;를 실행하여 확인하십시오.</translation>
    </message>
    <message>
        <source>Copy every problem to the clipboard, one per line (paste into a spreadsheet)</source>
        <translation>모든 문제를 한 줄에 하나씩 클립보드에 복사합니다(스프레드시트에 붙여 넣기 가능)</translation>
    </message>
    <message>
        <source>Copyright © {years} the Convergence Planner authors.</source>
        <translation>저작권 © {years} Convergence Planner 개발진</translation>
    </message>
    <message>
        <source>Correct them, or add --force to write a draft marked 초안 / DRAFT.</source>
        <translation>오류를 바로잡거나, --force를 붙여 &apos;초안 / DRAFT&apos; 표시가 있는 초안을 쓰십시오.</translation>
    </message>
    <message>
        <source>Could not connect to the server at {url}: {reason}</source>
        <translation>{url} 서버에 연결할 수 없습니다: {reason}</translation>
    </message>
    <message>
        <source>Could not write the handout {path}.</source>
        <translation>유인물 {path}을(를) 저장할 수 없습니다.</translation>
    </message>
    <message>
        <source>Could not write the image {path}.</source>
        <translation>이미지 {path}을(를) 저장할 수 없습니다.</translation>
    </message>
    <message>
        <source>Cover</source>
        <translation>표지</translation>
    </message>
    <message>
        <source>Create Plan</source>
        <translation>계획 만들기</translation>
    </message>
    <message>
        <source>Create the plan&apos;s tables (with row versions) and the roles cplan_viewer, cplan_editor and cplan_admin in an empty database. Run it as the database&apos;s owner with the right to create roles (e.g. postgres). Running it again only puts the permissions right.</source>
        <translation>빈 데이터베이스에 계획 표(행 버전 포함)와 역할 cplan_viewer, cplan_editor, cplan_admin을 만듭니다. 역할을 만들 권한이 있는 데이터베이스 소유자(예: postgres)로 실행하십시오. 다시 실행하면 권한만 바로잡습니다.</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>작성 시각</translation>
    </message>
    <message>
        <source>Created the roles: {roles}.</source>
        <translation>역할을 만들었습니다: {roles}.</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>주공정</translation>
    </message>
    <message>
        <source>Critical path</source>
        <translation>주경로</translation>
    </message>
    <message>
        <source>Critical: it has no float, so any delay moves the plan&apos;s finish.</source>
        <translation>주경로 과제: 여유 기간이 없어 조금만 늦어져도 계획 종료가 늦어집니다.</translation>
    </message>
    <message>
        <source>Current slide</source>
        <translation>현재 슬라이드</translation>
    </message>
    <message>
        <source>Dashed arrows: moved since the compared snapshot</source>
        <translation>점선 화살표: 비교 스냅숏 이후 이동</translation>
    </message>
    <message>
        <source>Data folder:</source>
        <translation>데이터 폴더:</translation>
    </message>
    <message>
        <source>Data subjects</source>
        <translation>정보주체 수</translation>
    </message>
    <message>
        <source>Data used</source>
        <translation>활용 데이터</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>날짜</translation>
    </message>
    <message>
        <source>Date on the cover</source>
        <translation>표지 날짜</translation>
    </message>
    <message>
        <source>Declare These Totals</source>
        <translation>이 총액으로 확정</translation>
    </message>
    <message>
        <source>Declare the budget totals</source>
        <translation>예산 총액 확정</translation>
    </message>
    <message>
        <source>Declare these totals</source>
        <translation>이 총액으로 확정</translation>
    </message>
    <message>
        <source>Declared total (KRW)</source>
        <translation>총액 (원)</translation>
    </message>
    <message>
        <source>Deeper ▸</source>
        <translation>한 단계 아래로 ▸</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>기본</translation>
    </message>
    <message>
        <source>Definition sheets</source>
        <translation>과제정의서</translation>
    </message>
    <message>
        <source>Degree</source>
        <translation>연결 수</translation>
    </message>
    <message>
        <source>Degree {degree} · betweenness {betweenness:.3f}</source>
        <translation>연결 수 {degree} · 매개 중심성 {betweenness:.3f}</translation>
    </message>
    <message>
        <source>Delay initiatives in memory (nothing is written) and show what moves, the new finish, budget that changes fiscal year, KPIs at risk and the stakeholders concerned.</source>
        <translation>과제를 메모리에서만 늦추거나 앞당겨(파일은 바뀌지 않음) 옮겨지는 과제, 새 종료 시기, 회계연도가 바뀌는 예산, 위험해지는 성과지표와 관련 이해관계자를 보여 줍니다.</translation>
    </message>
    <message>
        <source>Delays (months)</source>
        <translation>지연(개월)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>삭제</translation>
    </message>
    <message>
        <source>Delete comment</source>
        <translation>의견 삭제</translation>
    </message>
    <message>
        <source>Delete comment thread</source>
        <translation>의견 스레드 삭제</translation>
    </message>
    <message>
        <source>Delete link</source>
        <translation>연결 삭제</translation>
    </message>
    <message>
        <source>Delete round</source>
        <translation>라운드 삭제</translation>
    </message>
    <message>
        <source>Delete sticky note</source>
        <translation>메모지 삭제</translation>
    </message>
    <message>
        <source>Delete the chosen comment</source>
        <translation>선택한 의견 삭제</translation>
    </message>
    <message>
        <source>Delete the chosen comment, with its replies (Delete)</source>
        <translation>선택한 의견을 답글과 함께 삭제합니다(Delete)</translation>
    </message>
    <message>
        <source>Delete the chosen sticky note</source>
        <translation>선택한 메모지 삭제</translation>
    </message>
    <message>
        <source>Delete the chosen sticky note (Delete)</source>
        <translation>선택한 메모지를 삭제합니다(Delete)</translation>
    </message>
    <message>
        <source>Delete the initiative {name}?</source>
        <translation>과제 {name}을(를) 삭제하시겠습니까?</translation>
    </message>
    <message>
        <source>Delete the selected links (Del)</source>
        <translation>선택한 연결 삭제(Del)</translation>
    </message>
    <message>
        <source>Delete the selected round (Delete); Undo brings it back</source>
        <translation>선택한 라운드를 삭제합니다(Delete). 실행 취소로 되돌릴 수 있습니다</translation>
    </message>
    <message>
        <source>Delete the selected row?</source>
        <translation>선택한 행을 삭제할까요?</translation>
    </message>
    <message>
        <source>Delete the selected rows (Del)</source>
        <translation>선택한 행 삭제 (Del)</translation>
    </message>
    <message>
        <source>Delete workshop round &apos;{name}&apos;</source>
        <translation>워크숍 라운드 &apos;{name}&apos; 삭제</translation>
    </message>
    <message>
        <source>Delete {count} items</source>
        <translation>항목 {count}개 삭제</translation>
    </message>
    <message>
        <source>Delete {count} selected initiatives?</source>
        <translation>선택한 과제 {count}개를 삭제하시겠습니까?</translation>
    </message>
    <message>
        <source>Delete {count} selected rows?</source>
        <translation>선택한 {count}개 행을 삭제할까요?</translation>
    </message>
    <message>
        <source>Delete {kind}</source>
        <translation>{kind} 삭제</translation>
    </message>
    <message>
        <source>Demo plan — not saved yet; Save asks where to keep it</source>
        <translation>예시 계획 — 아직 저장하지 않음. 저장하면 보관할 곳을 묻습니다</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>부서</translation>
    </message>
    <message>
        <source>Dependencies</source>
        <translation>선후행 관계</translation>
    </message>
    <message>
        <source>Dependency</source>
        <translation>선후행 관계</translation>
    </message>
    <message>
        <source>Derived from influence and interest</source>
        <translation>영향력·관심도에 따라 자동</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>설명</translation>
    </message>
    <message>
        <source>Details were written to {path}.</source>
        <translation>자세한 내용을 {path}에 적었습니다.</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>차이</translation>
    </message>
    <message>
        <source>Directed</source>
        <translation>방향 있음</translation>
    </message>
    <message>
        <source>Directed relation</source>
        <translation>방향이 있는 관계</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>버리기</translation>
    </message>
    <message>
        <source>Discard Unsaved Changes</source>
        <translation>저장하지 않은 내용 버리기</translation>
    </message>
    <message>
        <source>Discard the unsaved changes of {count} plan(s)? This cannot be undone.</source>
        <translation>계획 {count}개의 저장하지 않은 내용을 버릴까요? 되돌릴 수 없습니다.</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>닫기</translation>
    </message>
    <message>
        <source>Do you want to save the changes to “{name}”?</source>
        <translation>“{name}”에 바꾼 내용을 저장할까요?</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>문서</translation>
    </message>
    <message>
        <source>Don&apos;t Save</source>
        <translation>저장 안 함</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>완료</translation>
    </message>
    <message>
        <source>Dot votes (+ / −)</source>
        <translation>스티커 투표 수(+ / −)</translation>
    </message>
    <message>
        <source>Dot voting</source>
        <translation>스티커 투표</translation>
    </message>
    <message>
        <source>Downstream</source>
        <translation>후행 연쇄</translation>
    </message>
    <message>
        <source>Drag a stakeholder to place it (saved in the plan, undoable) · hover a line for its type · Ctrl+wheel zooms, Ctrl+0 fits</source>
        <translation>이해관계자를 끌어 배치합니다(계획에 저장, 실행 취소 가능) · 선에 마우스를 올리면 관계 유형 표시 · Ctrl+휠 확대/축소, Ctrl+0 전체 보기</translation>
    </message>
    <message>
        <source>Drag from one bar to another to make it a predecessor (or Shift-drag)</source>
        <translation>막대에서 다른 막대로 끌어 선행 과제로 연결 (또는 Shift+끌기)</translation>
    </message>
    <message>
        <source>Drag to reorder, or Alt+Up / Alt+Down</source>
        <translation>끌어서 순서를 바꾸거나 Alt+Up / Alt+Down을 누르십시오</translation>
    </message>
    <message>
        <source>Draw an arrow for every stakeholder who moved since a snapshot</source>
        <translation>스냅숏 이후 위치가 바뀐 이해관계자마다 화살표를 그립니다</translation>
    </message>
    <message>
        <source>Drawing the KPI charts</source>
        <translation>성과지표 그래프를 그리는 중입니다</translation>
    </message>
    <message>
        <source>Drawing the budget chart</source>
        <translation>예산 그래프를 그리는 중입니다</translation>
    </message>
    <message>
        <source>Drawing the roadmap</source>
        <translation>로드맵을 그리는 중입니다</translation>
    </message>
    <message>
        <source>Drawing the stakeholder grid</source>
        <translation>이해관계자 매트릭스를 그리는 중입니다</translation>
    </message>
    <message>
        <source>Drawing the stakeholder network</source>
        <translation>이해관계자 네트워크를 그리는 중입니다</translation>
    </message>
    <message>
        <source>Driver</source>
        <translation>결정 요인</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>기간</translation>
    </message>
    <message>
        <source>Duration (months)</source>
        <translation>기간(개월)</translation>
    </message>
    <message>
        <source>E&amp;xport</source>
        <translation>내보내기(&amp;X)</translation>
    </message>
    <message>
        <source>Each initiative needs exactly one A, at least one R, and its lead as the A; every stakeholder needs a role somewhere.</source>
        <translation>추진과제마다 책임(A)은 정확히 하나, 실행(R)은 하나 이상이어야 하며 주관 기관이 책임(A)을 맡아야 합니다. 모든 이해관계자는 하나 이상의 역할이 필요합니다.</translation>
    </message>
    <message>
        <source>Earlier round</source>
        <translation>이전 라운드</translation>
    </message>
    <message>
        <source>Early finish</source>
        <translation>가장 이른 완료</translation>
    </message>
    <message>
        <source>Early start</source>
        <translation>가장 이른 착수</translation>
    </message>
    <message>
        <source>Edit Not Made</source>
        <translation>편집하지 못함</translation>
    </message>
    <message>
        <source>Edit comment</source>
        <translation>의견 수정</translation>
    </message>
    <message>
        <source>Edit slide sequence</source>
        <translation>슬라이드 순서 편집</translation>
    </message>
    <message>
        <source>Edit the cover in the inspector</source>
        <translation>속성 창에서 표지 편집</translation>
    </message>
    <message>
        <source>Edit the data in the other views; nothing is written here.</source>
        <translation>자료는 다른 화면에서 편집합니다. 이곳에서 작성할 내용은 없습니다.</translation>
    </message>
    <message>
        <source>Edit the text of “{section}”</source>
        <translation>“{section}” 본문 편집</translation>
    </message>
    <message>
        <source>Edit {field}</source>
        <translation>{field} 편집</translation>
    </message>
    <message>
        <source>Edit {kind}</source>
        <translation>{kind} 편집</translation>
    </message>
    <message>
        <source>Edited in the inspector</source>
        <translation>속성 창에서 편집</translation>
    </message>
    <message>
        <source>Effect</source>
        <translation>효과성</translation>
    </message>
    <message>
        <source>Ego view</source>
        <translation>자기중심 보기</translation>
    </message>
    <message>
        <source>Engagement</source>
        <translation>관리 전략</translation>
    </message>
    <message>
        <source>Engagement strategy</source>
        <translation>관리 전략</translation>
    </message>
    <message>
        <source>English</source>
        <translation>영어</translation>
    </message>
    <message>
        <source>Enter the name of the database that holds the team plan.</source>
        <translation>팀 계획이 있는 데이터베이스 이름을 입력하십시오.</translation>
    </message>
    <message>
        <source>Enter the server&apos;s host name or address.</source>
        <translation>서버의 호스트 이름이나 주소를 입력하십시오.</translation>
    </message>
    <message>
        <source>Enter your user name on the server.</source>
        <translation>서버의 사용자 이름을 입력하십시오.</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>오류</translation>
    </message>
    <message>
        <source>Error: {message}</source>
        <translation>오류: {message}</translation>
    </message>
    <message>
        <source>Errors found by the checks</source>
        <translation>점검에서 발견된 오류</translation>
    </message>
    <message>
        <source>Errors {count}</source>
        <translation>오류 {count}</translation>
    </message>
    <message>
        <source>Ethics summary</source>
        <translation>AI 윤리 자율점검 요약</translation>
    </message>
    <message>
        <source>Every change from both sides fits together; Apply makes the open plan the merged one (one step you can undo).</source>
        <translation>양쪽의 변경이 모두 충돌 없이 합쳐집니다. 적용하면 열린 계획이 병합한 계획으로 바뀝니다(한 번에 실행 취소 가능).</translation>
    </message>
    <message>
        <source>Every edit of a team plan is saved on the server at once.</source>
        <translation>팀 계획의 편집은 서버에 바로 저장됩니다.</translation>
    </message>
    <message>
        <source>Every initiative has a lead organisation or department</source>
        <translation>모든 과제에 주관기관 또는 주관부서가 있음</translation>
    </message>
    <message>
        <source>Every initiative has at least one KPI with a baseline and a target</source>
        <translation>모든 과제에 기준값과 목표값이 있는 성과지표가 1개 이상 있음</translation>
    </message>
    <message>
        <source>Every initiative has the fields the profile requires</source>
        <translation>모든 과제에 지침이 요구하는 항목이 있음</translation>
    </message>
    <message>
        <source>Every initiative has the partners the programme requires (a consortium)</source>
        <translation>모든 과제에 사업이 요구하는 협력기관(컨소시엄)이 있음</translation>
    </message>
    <message>
        <source>Every initiative runs inside the plan period</source>
        <translation>모든 과제가 계획 기간 안에 있음</translation>
    </message>
    <message>
        <source>Every kind of item</source>
        <translation>모든 항목</translation>
    </message>
    <message>
        <source>Every narrative section of the profile is written</source>
        <translation>지침의 모든 서술 항목이 작성됨</translation>
    </message>
    <message>
        <source>Every save records a version of the plan. The content of the last 100 versions is kept: open one read-only, or restore it as a new plan file.</source>
        <translation>저장할 때마다 계획의 버전이 기록됩니다. 최근 100개 버전의 내용이 보관되며, 읽기 전용으로 열거나 새 계획 파일로 복원할 수 있습니다.</translation>
    </message>
    <message>
        <source>Every save records a version of the plan. Without an action, list them newest first; &apos;name&apos; gives one a name (and --note a note); &apos;restore&apos; writes one as a new plan file that shares the plan&apos;s lineage. The content of the last 100 versions is kept. A version id may be shortened to its first 8 characters. Exit status: 0 on success, 2 on bad input (nothing is written).</source>
        <translation>저장할 때마다 계획의 버전이 기록됩니다. 동작을 지정하지 않으면 최신 버전부터 목록을 보여 줍니다. &apos;name&apos;은 버전에 이름(--note로 메모)을 붙이고, &apos;restore&apos;는 버전을 같은 이력을 잇는 새 계획 파일로 씁니다. 최근 100개 버전의 내용이 보관됩니다. 버전 ID는 앞 8자로 줄여 쓸 수 있습니다. 종료 상태: 성공 0, 잘못된 입력 2(아무것도 쓰지 않음).</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>전체</translation>
    </message>
    <message>
        <source>Excel 97–2003 .xls files are not read: open the file in Excel and save it as an Excel Workbook (*.xlsx), or as CSV.</source>
        <translation>Excel 97–2003 형식(.xls)은 읽지 않습니다. 엑셀에서 파일을 열어 Excel 통합 문서(*.xlsx)나 CSV로 저장하십시오.</translation>
    </message>
    <message>
        <source>Executed</source>
        <translation>집행액</translation>
    </message>
    <message>
        <source>Executed (KRW)</source>
        <translation>집행(원)</translation>
    </message>
    <message>
        <source>Executed amounts</source>
        <translation>집행액</translation>
    </message>
    <message>
        <source>Execution rate</source>
        <translation>집행률</translation>
    </message>
    <message>
        <source>Expected a list (lines starting with &apos;- &apos;).</source>
        <translation>목록(&apos;- &apos;로 시작하는 줄)이 와야 합니다.</translation>
    </message>
    <message>
        <source>Expected a mapping (key: value).</source>
        <translation>매핑(키: 값)이 와야 합니다.</translation>
    </message>
    <message>
        <source>Expected a number.</source>
        <translation>숫자가 와야 합니다.</translation>
    </message>
    <message>
        <source>Expected a whole number.</source>
        <translation>정수가 와야 합니다.</translation>
    </message>
    <message>
        <source>Expected text.</source>
        <translation>텍스트가 와야 합니다.</translation>
    </message>
    <message>
        <source>Expected true or false.</source>
        <translation>true 또는 false가 와야 합니다.</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>내보내기</translation>
    </message>
    <message>
        <source>Export &amp;Department Package…</source>
        <translation>부서 패키지 내보내기(&amp;D)…</translation>
    </message>
    <message>
        <source>Export Department Package</source>
        <translation>부서 패키지 내보내기</translation>
    </message>
    <message>
        <source>Export PDF</source>
        <translation>PDF 내보내기</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>PDF 내보내기…</translation>
    </message>
    <message>
        <source>Export Slides as P&amp;DF Handout…</source>
        <translation>슬라이드를 PDF 유인물로 내보내기(&amp;D)…</translation>
    </message>
    <message>
        <source>Export Slides as PDF Handout</source>
        <translation>슬라이드를 PDF 유인물로 내보내기</translation>
    </message>
    <message>
        <source>Export Slides as PN&amp;G Images…</source>
        <translation>슬라이드를 PNG 그림으로 내보내기(&amp;G)…</translation>
    </message>
    <message>
        <source>Export Slides as PNG Images</source>
        <translation>슬라이드를 PNG 그림으로 내보내기</translation>
    </message>
    <message>
        <source>Export a Table</source>
        <translation>표 내보내기</translation>
    </message>
    <message>
        <source>Export draft with watermark</source>
        <translation>워터마크를 넣은 초안으로 내보내기</translation>
    </message>
    <message>
        <source>Export {format}</source>
        <translation>{format} 내보내기</translation>
    </message>
    <message>
        <source>Exporting the PDF…</source>
        <translation>PDF를 내보내는 중…</translation>
    </message>
    <message>
        <source>Feasibility</source>
        <translation>실현가능성</translation>
    </message>
    <message>
        <source>Feasibility 1–5 (Shift+digits)</source>
        <translation>실현가능성 1–5(Shift+숫자 키)</translation>
    </message>
    <message>
        <source>Feasible</source>
        <translation>실현성</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>분야</translation>
    </message>
    <message>
        <source>Field code</source>
        <translation>분야 코드</translation>
    </message>
    <message>
        <source>Field name</source>
        <translation>분야명</translation>
    </message>
    <message>
        <source>Field shown</source>
        <translation>표시할 분야</translation>
    </message>
    <message>
        <source>Field:</source>
        <translation>분야:</translation>
    </message>
    <message>
        <source>Field: {name}</source>
        <translation>분야: {name}</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>분야</translation>
    </message>
    <message>
        <source>Fields that must be unique are edited one item at a time.</source>
        <translation>중복될 수 없는 항목은 하나씩 편집합니다.</translation>
    </message>
    <message>
        <source>File</source>
        <translation>파일</translation>
    </message>
    <message>
        <source>File format version</source>
        <translation>파일 형식 버전</translation>
    </message>
    <message>
        <source>Fill: community</source>
        <translation>채우기: 커뮤니티</translation>
    </message>
    <message>
        <source>Fill: sector</source>
        <translation>채우기: 부문</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>필터</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>점검 결과</translation>
    </message>
    <message>
        <source>Findings ({count}):</source>
        <translation>점검 결과({count}건):</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>종료</translation>
    </message>
    <message>
        <source>Finish to finish</source>
        <translation>종료-종료(FF)</translation>
    </message>
    <message>
        <source>Finish to start</source>
        <translation>종료-시작(FS)</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>시작일</translation>
    </message>
    <message>
        <source>First page</source>
        <translation>첫 쪽</translation>
    </message>
    <message>
        <source>First slide</source>
        <translation>첫 슬라이드</translation>
    </message>
    <message>
        <source>First slide:</source>
        <translation>첫 슬라이드:</translation>
    </message>
    <message>
        <source>First year</source>
        <translation>시작 연도</translation>
    </message>
    <message>
        <source>Fiscal year</source>
        <translation>회계연도</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>전체 보기</translation>
    </message>
    <message>
        <source>Fit page</source>
        <translation>쪽 맞춤</translation>
    </message>
    <message>
        <source>Fit the whole plan period into the window (Ctrl+0)</source>
        <translation>계획 기간 전체를 창에 맞춤 (Ctrl+0)</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>너비 맞춤</translation>
    </message>
    <message>
        <source>Float</source>
        <translation>여유</translation>
    </message>
    <message>
        <source>Float (slack)</source>
        <translation>여유 기간</translation>
    </message>
    <message>
        <source>Follow the system ({language})</source>
        <translation>시스템 설정 따르기({language})</translation>
    </message>
    <message>
        <source>Follows {codes} (finish to start).</source>
        <translation>{codes} 완료 후 착수합니다(완료-착수).</translation>
    </message>
    <message>
        <source>Force (seed 0)</source>
        <translation>힘 기반 (시드 0)</translation>
    </message>
    <message>
        <source>Format version {found} cannot be read; this version of the app reads version {version}.</source>
        <translation>형식 버전 {found}은(는) 읽을 수 없습니다. 이 버전의 앱은 버전 {version}을(를) 읽습니다.</translation>
    </message>
    <message>
        <source>Format version {version} is newer than this application reads (up to {supported}); update the application.</source>
        <translation>형식 버전 {version}은(는) 이 프로그램이 읽을 수 있는 버전({supported}까지)보다 새 버전입니다. 프로그램을 업데이트하십시오.</translation>
    </message>
    <message>
        <source>Formats in the chosen language</source>
        <translation>선택한 언어의 표기 형식</translation>
    </message>
    <message>
        <source>Formats:</source>
        <translation>표기 형식:</translation>
    </message>
    <message>
        <source>Fro&amp;m</source>
        <translation>시작일(&amp;M)</translation>
    </message>
    <message>
        <source>From</source>
        <translation>출발</translation>
    </message>
    <message>
        <source>From &apos;{first}&apos; to &apos;{second}&apos;: {moved} of {count} initiatives changed rank, {new} new, {gone} gone.</source>
        <translation>&apos;{first}&apos;에서 &apos;{second}&apos;(으)로: 과제 {count}개 중 {moved}개 순위 변동, 신규 {new}개, 삭제 {gone}개.</translation>
    </message>
    <message>
        <source>From ours: {counts}</source>
        <translation>우리 쪽: {counts}</translation>
    </message>
    <message>
        <source>From stakeholder</source>
        <translation>관계 주체</translation>
    </message>
    <message>
        <source>From the open plan: {ours} rows added or changed, {ours_deleted} deleted; from {file}: {theirs} added or changed, {theirs_deleted} deleted.</source>
        <translation>열린 계획에서 {ours}행 추가·변경, {ours_deleted}행 삭제, {file}에서 {theirs}행 추가·변경, {theirs_deleted}행 삭제.</translation>
    </message>
    <message>
        <source>From theirs: {counts}</source>
        <translation>상대 쪽: {counts}</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>이전:</translation>
    </message>
    <message>
        <source>Full names: {names}</source>
        <translation>전체 이름: {names}</translation>
    </message>
    <message>
        <source>Funded years {count} — at most {limit}</source>
        <translation>예산 연도 {count}개 — 최대 {limit}년</translation>
    </message>
    <message>
        <source>Funding rule</source>
        <translation>재원 기준</translation>
    </message>
    <message>
        <source>Funding rule: {rule}</source>
        <translation>재원 기준: {rule}</translation>
    </message>
    <message>
        <source>Funding rules</source>
        <translation>재원 기준</translation>
    </message>
    <message>
        <source>Funding rules and how each initiative meets them</source>
        <translation>재원 규칙과 과제별 충족 여부</translation>
    </message>
    <message>
        <source>Funding source</source>
        <translation>재원</translation>
    </message>
    <message>
        <source>Funding summary</source>
        <translation>재원 기준 준수 현황</translation>
    </message>
    <message>
        <source>Funding-rule shares and caps are respected</source>
        <translation>재원 규칙의 분담 비율과 상한을 지킴</translation>
    </message>
    <message>
        <source>Funding-rule violations</source>
        <translation>재원 기준 위반</translation>
    </message>
    <message>
        <source>Funding-rule violations ({count})</source>
        <translation>재원 기준 위반 ({count}건)</translation>
    </message>
    <message>
        <source>Funds</source>
        <translation>재원 지원</translation>
    </message>
    <message>
        <source>Give an action (name or restore) before a version id.</source>
        <translation>버전 ID 앞에 동작(name 또는 restore)을 지정하십시오.</translation>
    </message>
    <message>
        <source>Give an impact or a feasibility to set.</source>
        <translation>설정할 영향 또는 실현가능성을 입력하십시오.</translation>
    </message>
    <message>
        <source>Give each user a role, e.g.: GRANT {role} TO kim;</source>
        <translation>사용자마다 역할을 주십시오. 예: GRANT {role} TO kim;</translation>
    </message>
    <message>
        <source>Give the id of the version (cplan versions FILE lists them).</source>
        <translation>버전 ID를 입력하십시오(cplan versions FILE로 목록을 볼 수 있습니다).</translation>
    </message>
    <message>
        <source>Give the name: cplan versions FILE name VERSION_ID &quot;NAME&quot;.</source>
        <translation>이름을 입력하십시오: cplan versions FILE name VERSION_ID &quot;이름&quot;.</translation>
    </message>
    <message>
        <source>Give the new plan file: --out NEW.cplan.</source>
        <translation>새 계획 파일을 지정하십시오: --out NEW.cplan.</translation>
    </message>
    <message>
        <source>Give the round a name.</source>
        <translation>라운드 이름을 입력하십시오.</translation>
    </message>
    <message>
        <source>Give the text in at least one language (ko or en).</source>
        <translation>적어도 한 언어(ko 또는 en)로 텍스트를 쓰십시오.</translation>
    </message>
    <message>
        <source>Global partner</source>
        <translation>해외 협력기관</translation>
    </message>
    <message>
        <source>Go to page</source>
        <translation>쪽으로 이동</translation>
    </message>
    <message>
        <source>Green</source>
        <translation>초록</translation>
    </message>
    <message>
        <source>Grid snapshot</source>
        <translation>그리드 스냅숏</translation>
    </message>
    <message>
        <source>Grid snapshot entries</source>
        <translation>그리드 스냅숏 항목</translation>
    </message>
    <message>
        <source>Grid snapshots</source>
        <translation>그리드 스냅숏</translation>
    </message>
    <message>
        <source>Guideline profile</source>
        <translation>작성 지침</translation>
    </message>
    <message>
        <source>Guideline profile:</source>
        <translation>작성 지침:</translation>
    </message>
    <message>
        <source>Handout saved: {path} ({pages} pages)</source>
        <translation>유인물을 저장했습니다: {path} ({pages}쪽)</translation>
    </message>
    <message>
        <source>Hangul documents are not read: copy the table into Excel and save it as *.xlsx or CSV.</source>
        <translation>한글 문서는 읽지 않습니다. 표를 엑셀에 복사해 *.xlsx나 CSV로 저장하십시오.</translation>
    </message>
    <message>
        <source>Hidden</source>
        <translation>숨김</translation>
    </message>
    <message>
        <source>Hide this slide</source>
        <translation>이 슬라이드 숨기기</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>고대비</translation>
    </message>
    <message>
        <source>History</source>
        <translation>변경 이력</translation>
    </message>
    <message>
        <source>History entries only one side had, kept: {count}</source>
        <translation>한쪽에만 있던 변경 이력(유지): {count}건</translation>
    </message>
    <message>
        <source>How measured</source>
        <translation>측정 방법</translation>
    </message>
    <message>
        <source>How the stakeholders are placed; drag a stakeholder to save a manual layout</source>
        <translation>이해관계자 배치 방식. 이해관계자를 끌면 수동 배치로 저장됩니다</translation>
    </message>
    <message>
        <source>Hyperedges are not supported; a relation links two stakeholders.</source>
        <translation>하이퍼엣지는 지원하지 않습니다. 관계는 이해관계자 두 명을 잇습니다.</translation>
    </message>
    <message>
        <source>ISP/ISMP</source>
        <translation>ISP/ISMP</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Impact</source>
        <translation>영향</translation>
    </message>
    <message>
        <source>Impact 1–5 (digits)</source>
        <translation>영향 1–5(숫자 키)</translation>
    </message>
    <message>
        <source>Impact × feasibility</source>
        <translation>영향 × 실현가능성</translation>
    </message>
    <message>
        <source>Implementation period</source>
        <translation>추진기간</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>가져오기</translation>
    </message>
    <message>
        <source>Import as</source>
        <translation>가져올 표</translation>
    </message>
    <message>
        <source>Import plan</source>
        <translation>계획 가져오기</translation>
    </message>
    <message>
        <source>Import stakeholder network from {file}</source>
        <translation>{file}에서 이해관계자 네트워크 가져오기</translation>
    </message>
    <message>
        <source>Import the checked rows as one change (Edit ▸ Undo takes it back)</source>
        <translation>검사한 행을 한 번의 변경으로 가져옵니다(편집 ▸ 실행 취소로 되돌릴 수 있음)</translation>
    </message>
    <message>
        <source>Import {file}</source>
        <translation>{file} 가져오기</translation>
    </message>
    <message>
        <source>Import {table} from {source}</source>
        <translation>{source}에서 {table} 가져오기</translation>
    </message>
    <message>
        <source>Imported {file} into {plan} ({rows} rows read): {counts}.</source>
        <translation>{file}을(를) {plan}에 가져왔습니다(읽은 행 {rows}개): {counts}.</translation>
    </message>
    <message>
        <source>Imported {file}: {details}.</source>
        <translation>{file}을(를) 가져왔습니다: {details}.</translation>
    </message>
    <message>
        <source>Imported {rows} rows from {file} into {plan}: {counts}.</source>
        <translation>{file}에서 {plan}(으)로 {rows}개 행을 가져왔습니다: {counts}.</translation>
    </message>
    <message>
        <source>Importing replaces the whole open plan with the plan in {file}: every current row is removed and the file&apos;s rows take their place. Edit ▸ Undo brings the current plan back.</source>
        <translation>가져오면 열려 있는 계획 전체가 {file}의 계획으로 바뀝니다. 현재 자료는 모두 지워지고 파일의 자료로 대체됩니다. 편집 ▸ 실행 취소로 현재 계획을 되돌릴 수 있습니다.</translation>
    </message>
    <message>
        <source>Importing {file}…</source>
        <translation>{file} 가져오는 중…</translation>
    </message>
    <message>
        <source>In charge</source>
        <translation>담당</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>추진 중</translation>
    </message>
    <message>
        <source>Included because {name} uses it.</source>
        <translation>{name}에서 사용하므로 포함되었습니다.</translation>
    </message>
    <message>
        <source>Influence</source>
        <translation>영향력</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>참고</translation>
    </message>
    <message>
        <source>Info {count}</source>
        <translation>참고 {count}</translation>
    </message>
    <message>
        <source>Informed</source>
        <translation>공유(I)</translation>
    </message>
    <message>
        <source>Informed (I)</source>
        <translation>통보(I)</translation>
    </message>
    <message>
        <source>Informs</source>
        <translation>정보 제공</translation>
    </message>
    <message>
        <source>Initiative</source>
        <translation>추진과제</translation>
    </message>
    <message>
        <source>Initiative code</source>
        <translation>과제 코드</translation>
    </message>
    <message>
        <source>Initiative table</source>
        <translation>추진과제 총괄표</translation>
    </message>
    <message>
        <source>Initiative title</source>
        <translation>과제명</translation>
    </message>
    <message>
        <source>Initiatives</source>
        <translation>추진과제</translation>
    </message>
    <message>
        <source>Initiatives ({count})</source>
        <translation>추진과제 ({count})</translation>
    </message>
    <message>
        <source>Initiatives and their ratings</source>
        <translation>과제별 평가</translation>
    </message>
    <message>
        <source>Initiatives by field</source>
        <translation>분야별 추진과제</translation>
    </message>
    <message>
        <source>Initiatives by status</source>
        <translation>상태별 추진과제</translation>
    </message>
    <message>
        <source>Initiatives of one field</source>
        <translation>분야별 추진과제</translation>
    </message>
    <message>
        <source>Initiatives that move ({count}):</source>
        <translation>옮겨지는 과제({count}개):</translation>
    </message>
    <message>
        <source>Initiatives that moved ({count}):</source>
        <translation>옮겨진 과제({count}개):</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>투입</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>속성</translation>
    </message>
    <message>
        <source>Interest</source>
        <translation>관심도</translation>
    </message>
    <message>
        <source>Interface &amp;language:</source>
        <translation>인터페이스 언어(&amp;L):</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>인터페이스 언어</translation>
    </message>
    <message>
        <source>Isolated (no relations)</source>
        <translation>고립 (관계 없음)</translation>
    </message>
    <message>
        <source>Isolated stakeholders</source>
        <translation>고립된 이해관계자</translation>
    </message>
    <message>
        <source>It contains database objects this application does not make ({objects}). It was not opened, to protect your data.</source>
        <translation>이 프로그램이 만들지 않는 데이터베이스 객체({objects})가 들어 있습니다. 데이터를 보호하려고 열지 않았습니다.</translation>
    </message>
    <message>
        <source>It contains only zero bytes; the file was damaged, perhaps by a power cut.</source>
        <translation>0 바이트만 들어 있습니다. 정전 등으로 파일이 손상되었습니다.</translation>
    </message>
    <message>
        <source>It holds no plan record; the file is damaged.</source>
        <translation>계획 정보가 없습니다. 파일이 손상되었습니다.</translation>
    </message>
    <message>
        <source>It is a PDF document, not a plan.</source>
        <translation>계획이 아니라 PDF 문서입니다.</translation>
    </message>
    <message>
        <source>It is a ZIP archive (for example an Excel or HWPX file), not a plan.</source>
        <translation>계획이 아니라 ZIP 압축 파일(예: 엑셀이나 HWPX 파일)입니다.</translation>
    </message>
    <message>
        <source>It is a draft: every page is marked “초안 / DRAFT”.</source>
        <translation>초안입니다. 모든 쪽에 “초안 / DRAFT” 표시가 들어 있습니다.</translation>
    </message>
    <message>
        <source>It is an SQLite database of another application, not a plan.</source>
        <translation>계획이 아니라 다른 프로그램의 SQLite 데이터베이스입니다.</translation>
    </message>
    <message>
        <source>It is an XML or HTML document, not a plan.</source>
        <translation>계획이 아니라 XML이나 HTML 문서입니다.</translation>
    </message>
    <message>
        <source>It is not a Convergence Planner plan (not an SQLite database).</source>
        <translation>Convergence Planner 계획 파일이 아닙니다(SQLite 데이터베이스가 아님).</translation>
    </message>
    <message>
        <source>It starts then because of {reason}.</source>
        <translation>이때 시작하는 이유: {reason}.</translation>
    </message>
    <message>
        <source>It was saved by a newer version of Convergence Planner (file format {found}; this version reads up to {supported}). Please update the application.</source>
        <translation>더 새로운 버전의 Convergence Planner로 저장한 파일입니다(파일 형식 {found}, 이 버전은 {supported}까지 읽음). 프로그램을 업데이트하십시오.</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>항목</translation>
    </message>
    <message>
        <source>Item or field</source>
        <translation>항목 또는 필드</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>대상</translation>
    </message>
    <message>
        <source>Its file format version ({found}) is unknown.</source>
        <translation>알 수 없는 파일 형식 버전({found})입니다.</translation>
    </message>
    <message>
        <source>Its version records disagree; the file is damaged.</source>
        <translation>버전 기록이 서로 맞지 않습니다. 파일이 손상되었습니다.</translation>
    </message>
    <message>
        <source>KPI</source>
        <translation>성과지표</translation>
    </message>
    <message>
        <source>KPI name</source>
        <translation>지표명</translation>
    </message>
    <message>
        <source>KPI results for {year}</source>
        <translation>{year}년 성과지표 실적</translation>
    </message>
    <message>
        <source>KPI table</source>
        <translation>성과지표 표</translation>
    </message>
    <message>
        <source>KPI target</source>
        <translation>성과지표 목표</translation>
    </message>
    <message>
        <source>KPI target years are not before the initiative finishes</source>
        <translation>성과지표 목표 연도가 과제 종료 이전이 아님</translation>
    </message>
    <message>
        <source>KPI targets</source>
        <translation>성과지표 목표</translation>
    </message>
    <message>
        <source>KPI targets by year</source>
        <translation>연도별 성과지표 목표</translation>
    </message>
    <message>
        <source>KPI type</source>
        <translation>성과지표 유형</translation>
    </message>
    <message>
        <source>KPIs</source>
        <translation>성과지표</translation>
    </message>
    <message>
        <source>KPIs (select one to see it and its comments in the inspector)</source>
        <translation>성과지표(선택하면 속성 창에 지표와 의견이 표시됩니다)</translation>
    </message>
    <message>
        <source>KPIs whose last target year comes before the initiative finishes:</source>
        <translation>마지막 목표연도가 과제 완료보다 앞서는 성과지표:</translation>
    </message>
    <message>
        <source>KPIs with type, unit, baseline and yearly targets</source>
        <translation>성과지표(유형, 단위, 기준값, 연도별 목표)</translation>
    </message>
    <message>
        <source>KRW million</source>
        <translation>백만원</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>유지</translation>
    </message>
    <message>
        <source>Keep Mine</source>
        <translation>내 것 유지</translation>
    </message>
    <message>
        <source>Keep Waiting</source>
        <translation>계속 기다리기</translation>
    </message>
    <message>
        <source>Keep informed</source>
        <translation>정보 제공</translation>
    </message>
    <message>
        <source>Keep satisfied</source>
        <translation>만족 유지</translation>
    </message>
    <message>
        <source>Keep:</source>
        <translation>유지:</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>키</translation>
    </message>
    <message>
        <source>Key performance indicators</source>
        <translation>성과지표</translation>
    </message>
    <message>
        <source>Keys must be text.</source>
        <translation>키는 텍스트여야 합니다.</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>구분</translation>
    </message>
    <message>
        <source>Kind of item</source>
        <translation>항목 종류</translation>
    </message>
    <message>
        <source>Korean</source>
        <translation>한국어</translation>
    </message>
    <message>
        <source>Korean text uses the NanumGothic typeface by NAVER, under the SIL Open Font License 1.1.</source>
        <translation>한글 글꼴은 네이버의 나눔고딕이며, SIL 오픈 폰트 라이선스 1.1에 따라 사용합니다.</translation>
    </message>
    <message>
        <source>Korean text uses the NanumGothic typeface © NAVER Corporation, under the SIL Open Font License 1.1.</source>
        <translation>한글 글꼴은 나눔고딕(© NAVER Corporation, SIL Open Font License 1.1)을 씁니다.</translation>
    </message>
    <message>
        <source>Lag (months)</source>
        <translation>지연(개월)</translation>
    </message>
    <message>
        <source>Lanes:</source>
        <translation>구분:</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>언어</translation>
    </message>
    <message>
        <source>Large type</source>
        <translation>큰 글씨</translation>
    </message>
    <message>
        <source>Larger labels for projectors and big screens</source>
        <translation>프로젝터·대형 화면용으로 글씨를 크게 표시</translation>
    </message>
    <message>
        <source>Largest year / cap</source>
        <translation>최대 연도액 / 한도</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>종료일</translation>
    </message>
    <message>
        <source>Last modified</source>
        <translation>마지막 수정</translation>
    </message>
    <message>
        <source>Last page</source>
        <translation>마지막 쪽</translation>
    </message>
    <message>
        <source>Last slide</source>
        <translation>마지막 슬라이드</translation>
    </message>
    <message>
        <source>Last year</source>
        <translation>종료 연도</translation>
    </message>
    <message>
        <source>Last year&apos;s results: KPI actuals and executed budget against their targets</source>
        <translation>전년도 추진실적: 성과지표 실적과 예산 집행액 대비 목표</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>나중에</translation>
    </message>
    <message>
        <source>Later round</source>
        <translation>이후 라운드</translation>
    </message>
    <message>
        <source>Latest start {start}, latest finish {finish}</source>
        <translation>최늦 시작 {start}, 최늦 종료 {finish}</translation>
    </message>
    <message>
        <source>Laying out the pages</source>
        <translation>쪽 배치</translation>
    </message>
    <message>
        <source>Layout %p%</source>
        <translation>배치 %p%</translation>
    </message>
    <message>
        <source>Layout cancelled: the previous positions are kept.</source>
        <translation>배치를 취소했습니다. 이전 위치를 유지합니다.</translation>
    </message>
    <message>
        <source>Layout:</source>
        <translation>배치:</translation>
    </message>
    <message>
        <source>Layout: {profile} ({id})</source>
        <translation>문서 구성: {profile} ({id})</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>주관</translation>
    </message>
    <message>
        <source>Lead (organisation or department)</source>
        <translation>주관(기관 또는 부서)</translation>
    </message>
    <message>
        <source>Lead department</source>
        <translation>주관부서</translation>
    </message>
    <message>
        <source>Lead organisation</source>
        <translation>주관기관</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>범례</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>라이선스</translation>
    </message>
    <message>
        <source>Licence text</source>
        <translation>라이선스 전문</translation>
    </message>
    <message>
        <source>Likelihood</source>
        <translation>발생 가능성</translation>
    </message>
    <message>
        <source>Likelihood and impact from 1 (low) to 5 (high); score = likelihood × impact.</source>
        <translation>발생 가능성과 영향은 1(낮음)~5(높음)이며, 점수 = 발생 가능성 × 영향임.</translation>
    </message>
    <message>
        <source>Line width: strength of the relation</source>
        <translation>선의 굵기: 관계의 강도</translation>
    </message>
    <message>
        <source>Line(s) {lines} are neither UTF-8 nor CP949/EUC-KR text; save the file again as CSV (UTF-8).</source>
        <translation>{lines}행은 UTF-8도 CP949/EUC-KR도 아닌 텍스트입니다. 파일을 CSV(UTF-8)로 다시 저장하십시오.</translation>
    </message>
    <message>
        <source>Lines: relation type</source>
        <translation>선: 관계 유형</translation>
    </message>
    <message>
        <source>Link initiatives</source>
        <translation>과제 연결</translation>
    </message>
    <message>
        <source>Link the selected initiative to the one you click next (or Shift-drag between two)</source>
        <translation>선택한 추진과제를 다음에 클릭하는 추진과제와 연결합니다(또는 두 과제 사이를 Shift-드래그)</translation>
    </message>
    <message>
        <source>Link tool</source>
        <translation>연결 도구</translation>
    </message>
    <message>
        <source>Linked after: {codes}</source>
        <translation>선행 과제로 연결: {codes}</translation>
    </message>
    <message>
        <source>Link…</source>
        <translation>연결…</translation>
    </message>
    <message>
        <source>List the built-in guideline profiles and your own (the files in your profile folder). Exit status: 0 when every profile file can be used, 1 when some cannot (each problem is listed with its line), 2 on bad input.</source>
        <translation>기본 제공 지침 프로파일과 사용자 프로파일(프로파일 폴더의 파일)을 나열합니다. 종료 코드: 모든 프로파일 파일을 사용할 수 있으면 0, 사용할 수 없는 파일이 있으면 1(문제마다 줄 번호와 함께 표시), 잘못된 입력이면 2.</translation>
    </message>
    <message>
        <source>List the plan&apos;s recorded changes, newest first: time (your computer&apos;s time zone), author, what was done and the items it changed. Undo and redo are recorded too. The file is only read.</source>
        <translation>계획에 기록된 변경 이력을 최신순으로 보여 줍니다: 시각(이 컴퓨터의 시간대), 작성자, 작업 내용, 변경된 항목. 실행 취소와 다시 실행도 기록됩니다. 파일은 읽기만 합니다.</translation>
    </message>
    <message>
        <source>Live updates paused: the connection to the server was lost. Reconnecting…</source>
        <translation>서버 연결이 끊겨 실시간 반영을 멈췄습니다. 다시 연결하는 중…</translation>
    </message>
    <message>
        <source>Local government</source>
        <translation>지방자치단체</translation>
    </message>
    <message>
        <source>Local master plan</source>
        <translation>지역 기본계획</translation>
    </message>
    <message>
        <source>MS Project&apos;s own .mpp files are not read: in MS Project choose File ▸ Save As ▸ XML Format (*.xml) and import that file.</source>
        <translation>MS Project 고유 형식(.mpp)은 읽지 않습니다. MS Project에서 파일 ▸ 다른 이름으로 저장 ▸ XML 형식(*.xml)으로 저장한 뒤 그 파일을 가져오십시오.</translation>
    </message>
    <message>
        <source>Main content</source>
        <translation>주요내용</translation>
    </message>
    <message>
        <source>Make {name} {role} on {code}</source>
        <translation>{code}에서 {name}의 역할을 {role}(으)로 지정</translation>
    </message>
    <message>
        <source>Manage closely</source>
        <translation>밀착 관리</translation>
    </message>
    <message>
        <source>Manual (saved)</source>
        <translation>수동 (저장된 위치)</translation>
    </message>
    <message>
        <source>Mark the chosen thread as resolved</source>
        <translation>선택한 의견을 해결됨으로 표시합니다</translation>
    </message>
    <message>
        <source>Mark the chosen thread as unresolved again</source>
        <translation>선택한 의견을 다시 미해결로 표시합니다</translation>
    </message>
    <message>
        <source>Maximum national share (%)</source>
        <translation>최대 국비 비율(%)</translation>
    </message>
    <message>
        <source>Maximum per year (KRW)</source>
        <translation>연간 최대(원)</translation>
    </message>
    <message>
        <source>Maximum years</source>
        <translation>최대 연수</translation>
    </message>
    <message>
        <source>Meets the rule</source>
        <translation>기준 충족</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>병합</translation>
    </message>
    <message>
        <source>Merge OURS and THEIRS, two versions of a plan that both come from BASE, into the new file OUT: every change only one side made is kept, and what both changed differently is listed as a conflict (recorded in OUT for review). Exit status: 0 when there are no conflicts, 1 when conflicts remain, 2 on bad input (nothing is written).</source>
        <translation>같은 원본(BASE)에서 나온 한 계획의 두 버전 OURS와 THEIRS를 새 파일 OUT으로 병합합니다. 한쪽만 바꾼 내용은 모두 유지하고, 양쪽이 서로 다르게 바꾼 내용은 충돌로 표시합니다(검토할 수 있도록 OUT에 기록). 종료 코드: 충돌이 없으면 0, 충돌이 남으면 1, 입력이 잘못되면 2(아무것도 쓰지 않음).</translation>
    </message>
    <message>
        <source>Merge Plan from File</source>
        <translation>파일에서 계획 병합</translation>
    </message>
    <message>
        <source>Merge conflicts</source>
        <translation>병합 충돌</translation>
    </message>
    <message>
        <source>Merge the Changes</source>
        <translation>변경 내용 병합</translation>
    </message>
    <message>
        <source>Merge {file}</source>
        <translation>{file} 병합</translation>
    </message>
    <message>
        <source>Merge {file} into {plan}</source>
        <translation>{file}을(를) {plan}에 병합</translation>
    </message>
    <message>
        <source>Merged {file} ({count} conflicts decided). Undo takes the merge back.</source>
        <translation>{file}을(를) 병합했습니다(충돌 {count}건 결정). 실행 취소하면 병합 전으로 돌아갑니다.</translation>
    </message>
    <message>
        <source>Merged {ours} and {theirs} (common version {base}) into {out}.</source>
        <translation>{ours}와(과) {theirs}(공통 원본 {base})를 {out}(으)로 병합했습니다.</translation>
    </message>
    <message>
        <source>Merge…</source>
        <translation>병합…</translation>
    </message>
    <message>
        <source>Merging {file} into the open plan (common version: {base}).</source>
        <translation>{file}을(를) 열린 계획에 병합합니다(공통 버전: {base}).</translation>
    </message>
    <message>
        <source>Merging {file} into the open plan.</source>
        <translation>{file}을(를) 열린 계획에 병합합니다.</translation>
    </message>
    <message>
        <source>Merging…</source>
        <translation>병합하는 중…</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>내용</translation>
    </message>
    <message>
        <source>Milestone</source>
        <translation>마일스톤</translation>
    </message>
    <message>
        <source>Milestone: {month}</source>
        <translation>마일스톤: {month}</translation>
    </message>
    <message>
        <source>Milestones</source>
        <translation>마일스톤</translation>
    </message>
    <message>
        <source>Minimum national share (%)</source>
        <translation>최소 국비 비율(%)</translation>
    </message>
    <message>
        <source>Mitigating</source>
        <translation>대응 중</translation>
    </message>
    <message>
        <source>Mitigation</source>
        <translation>대응 방안</translation>
    </message>
    <message>
        <source>Monitor</source>
        <translation>관찰</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>월</translation>
    </message>
    <message>
        <source>Month must be between 1 and 12, not {month}.</source>
        <translation>월은 1에서 12 사이여야 합니다({month}은(는) 안 됩니다).</translation>
    </message>
    <message>
        <source>Month {month} has no day {day} every year.</source>
        <translation>{month}월 {day}일은 매년 있는 날짜가 아닙니다.</translation>
    </message>
    <message>
        <source>Months</source>
        <translation>개월</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>순위 변동</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>아래로 이동</translation>
    </message>
    <message>
        <source>Move initiative</source>
        <translation>추진과제 이동</translation>
    </message>
    <message>
        <source>Move stakeholder on the grid</source>
        <translation>격자에서 이해관계자 이동</translation>
    </message>
    <message>
        <source>Move stakeholders</source>
        <translation>이해관계자 이동</translation>
    </message>
    <message>
        <source>Move stakeholders on the network map</source>
        <translation>관계망 지도에서 이해관계자 이동</translation>
    </message>
    <message>
        <source>Move the selected slide down (Alt+Down)</source>
        <translation>선택한 슬라이드를 아래로 이동 (Alt+Down)</translation>
    </message>
    <message>
        <source>Move the selected slide up (Alt+Up)</source>
        <translation>선택한 슬라이드를 위로 이동 (Alt+Up)</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>위로 이동</translation>
    </message>
    <message>
        <source>Move {count} initiatives</source>
        <translation>추진과제 {count}개 이동</translation>
    </message>
    <message>
        <source>Municipal</source>
        <translation>시·군·구비</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>Name Version</source>
        <translation>버전 이름 붙이기</translation>
    </message>
    <message>
        <source>Name of the new round</source>
        <translation>새 라운드 이름</translation>
    </message>
    <message>
        <source>Name of the snapshot:</source>
        <translation>스냅숏 이름:</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>이름:</translation>
    </message>
    <message>
        <source>Name; Enter adds, Esc cancels</source>
        <translation>이름을 입력하십시오. Enter는 추가, Esc는 취소입니다</translation>
    </message>
    <message>
        <source>Name; Enter saves, Esc cancels</source>
        <translation>이름을 입력하십시오. Enter는 저장, Esc는 취소입니다</translation>
    </message>
    <message>
        <source>Named versions: open a saved version read-only or restore it as a new plan</source>
        <translation>이름 붙인 버전: 저장 버전을 읽기 전용으로 열거나 새 계획으로 복원합니다</translation>
    </message>
    <message>
        <source>Names of {count} stakeholders are left out where there is no room; the register lists all.</source>
        <translation>공간이 부족하여 이해관계자 {count}곳의 이름을 생략함(전체는 이해관계자 현황 참조)</translation>
    </message>
    <message>
        <source>Narrative section</source>
        <translation>서술 항목</translation>
    </message>
    <message>
        <source>Narrative sections</source>
        <translation>서술 항목</translation>
    </message>
    <message>
        <source>National</source>
        <translation>국비</translation>
    </message>
    <message>
        <source>National share</source>
        <translation>국비 비율</translation>
    </message>
    <message>
        <source>National share {share} — maximum {limit} %</source>
        <translation>국비 비율 {share} — 최대 {limit}%</translation>
    </message>
    <message>
        <source>National share {share} — minimum {limit} %</source>
        <translation>국비 비율 {share} — 최소 {limit}%</translation>
    </message>
    <message>
        <source>National share: national money over all planned money of the initiative. Each fiscal year is checked against the rule.</source>
        <translation>국비 비율: 과제 전체 계획 예산 중 국비의 비율임. 기준 충족 여부는 회계연도별로 점검함.</translation>
    </message>
    <message>
        <source>Needed only for team plans on a PostgreSQL server.</source>
        <translation>PostgreSQL 서버의 팀 계획에만 필요합니다.</translation>
    </message>
    <message>
        <source>Network of the relations between stakeholders</source>
        <translation>이해관계자 관계망</translation>
    </message>
    <message>
        <source>Network of the stakeholders</source>
        <translation>이해관계자 네트워크</translation>
    </message>
    <message>
        <source>Network positions</source>
        <translation>관계망 위치</translation>
    </message>
    <message>
        <source>Neutral</source>
        <translation>중립</translation>
    </message>
    <message>
        <source>New Plan</source>
        <translation>새 계획</translation>
    </message>
    <message>
        <source>New Plan…</source>
        <translation>새 계획…</translation>
    </message>
    <message>
        <source>New in the merged plan (neither side had them): guideline errors {errors}, warnings {warnings}, schedule findings {schedule}.</source>
        <translation>병합 후 새로 생긴 점검 결과(양쪽 모두에 없던 것): 지침 오류 {errors}건, 경고 {warnings}건, 일정 점검 {schedule}건.</translation>
    </message>
    <message>
        <source>New initiative</source>
        <translation>새 추진과제</translation>
    </message>
    <message>
        <source>New initiative in {field}:</source>
        <translation>{field} 분야 새 과제:</translation>
    </message>
    <message>
        <source>New initiative:</source>
        <translation>새 과제:</translation>
    </message>
    <message>
        <source>New stakeholder</source>
        <translation>새 이해관계자</translation>
    </message>
    <message>
        <source>New stakeholder:</source>
        <translation>새 이해관계자:</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>다음</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>다음 쪽</translation>
    </message>
    <message>
        <source>Next slide</source>
        <translation>다음 슬라이드</translation>
    </message>
    <message>
        <source>Next: the next step of this slide</source>
        <translation>다음: 이 슬라이드의 다음 단계</translation>
    </message>
    <message>
        <source>No</source>
        <translation>아니요</translation>
    </message>
    <message>
        <source>No KPI targets are recorded for {year}.</source>
        <translation>{year}년 성과지표 목표가 입력되지 않음.</translation>
    </message>
    <message>
        <source>No KPIs have been set.</source>
        <translation>설정된 성과지표가 없음.</translation>
    </message>
    <message>
        <source>No KPIs yet.</source>
        <translation>아직 성과지표가 없습니다.</translation>
    </message>
    <message>
        <source>No RACI findings: every rule is met.</source>
        <translation>RACI 점검 결과 없음: 모든 규칙을 충족합니다.</translation>
    </message>
    <message>
        <source>No RACI roles have been assigned.</source>
        <translation>지정된 RACI 역할이 없음.</translation>
    </message>
    <message>
        <source>No baseline has been saved in this plan yet.</source>
        <translation>이 계획에는 아직 저장된 기준 계획이 없습니다.</translation>
    </message>
    <message>
        <source>No budget</source>
        <translation>예산 없음</translation>
    </message>
    <message>
        <source>No budget has been entered.</source>
        <translation>입력된 예산이 없음.</translation>
    </message>
    <message>
        <source>No budget has been planned yet.</source>
        <translation>아직 계획된 예산이 없습니다.</translation>
    </message>
    <message>
        <source>No budget is planned for {year}.</source>
        <translation>{year}년 계획 예산이 없음.</translation>
    </message>
    <message>
        <source>No budget is planned yet, so there is no budget chart.</source>
        <translation>계획된 예산이 없어 예산 그래프를 작성하지 않음</translation>
    </message>
    <message>
        <source>No budget lines have been entered.</source>
        <translation>입력된 예산 내역이 없음.</translation>
    </message>
    <message>
        <source>No budget lines yet.</source>
        <translation>아직 예산 항목이 없습니다.</translation>
    </message>
    <message>
        <source>No change matches the filters.</source>
        <translation>필터 조건에 맞는 변경이 없습니다.</translation>
    </message>
    <message>
        <source>No changes have been recorded yet. Every edit of the plan, and every undo and redo, will be listed here with who made it and when.</source>
        <translation>아직 기록된 변경이 없습니다. 계획을 편집하거나 실행 취소·다시 실행하면 작성자와 시각이 이곳에 기록됩니다.</translation>
    </message>
    <message>
        <source>No comments yet.</source>
        <translation>아직 의견이 없습니다.</translation>
    </message>
    <message>
        <source>No conflicts.</source>
        <translation>충돌이 없습니다.</translation>
    </message>
    <message>
        <source>No dependency cycle</source>
        <translation>선후행 순환 없음</translation>
    </message>
    <message>
        <source>No field</source>
        <translation>분야 없음</translation>
    </message>
    <message>
        <source>No field of the plan changed.</source>
        <translation>계획의 내용은 바뀌지 않았습니다.</translation>
    </message>
    <message>
        <source>No funding rules are set.</source>
        <translation>설정된 재원 기준이 없음.</translation>
    </message>
    <message>
        <source>No history entries match.</source>
        <translation>조건에 맞는 변경 이력이 없습니다.</translation>
    </message>
    <message>
        <source>No initiative follows a funding rule yet.</source>
        <translation>아직 재원 기준을 적용한 과제가 없습니다.</translation>
    </message>
    <message>
        <source>No initiative follows a funding rule.</source>
        <translation>재원 기준이 적용되는 추진과제가 없음.</translation>
    </message>
    <message>
        <source>No initiative has the code &apos;{value}&apos;, in the plan or in the file.</source>
        <translation>계획과 파일 어디에도 코드가 &apos;{value}&apos;인 추진과제가 없습니다.</translation>
    </message>
    <message>
        <source>No initiative moved.</source>
        <translation>옮겨진 과제가 없습니다.</translation>
    </message>
    <message>
        <source>No initiative runs in {year}.</source>
        <translation>{year}년에 추진하는 과제가 없음.</translation>
    </message>
    <message>
        <source>No initiatives fall within these years.</source>
        <translation>이 기간에 해당하는 추진과제가 없습니다.</translation>
    </message>
    <message>
        <source>No initiatives have been entered.</source>
        <translation>입력된 추진과제가 없음.</translation>
    </message>
    <message>
        <source>No initiatives in this field yet.</source>
        <translation>이 분야에는 아직 추진과제가 없습니다.</translation>
    </message>
    <message>
        <source>No initiatives yet.</source>
        <translation>아직 추진과제가 없습니다.</translation>
    </message>
    <message>
        <source>No lead organisation</source>
        <translation>주관기관 없음</translation>
    </message>
    <message>
        <source>No likely duplicate initiatives (same or near-identical titles or purposes)</source>
        <translation>중복 의심 과제 없음(같거나 거의 같은 과제명 또는 목적)</translation>
    </message>
    <message>
        <source>No problems found. Importing makes these changes (one step; Edit ▸ Undo takes it back):</source>
        <translation>문제가 없습니다. 가져오면 다음과 같이 바뀝니다(한 번의 변경이며 편집 ▸ 실행 취소로 되돌릴 수 있음):</translation>
    </message>
    <message>
        <source>No recent plans</source>
        <translation>최근 계획 없음</translation>
    </message>
    <message>
        <source>No risks have been recorded.</source>
        <translation>등록된 위험이 없음.</translation>
    </message>
    <message>
        <source>No role</source>
        <translation>역할 없음</translation>
    </message>
    <message>
        <source>No saved versions yet: a version is recorded each time the plan is saved.</source>
        <translation>아직 저장 버전이 없습니다. 계획을 저장할 때마다 버전이 기록됩니다.</translation>
    </message>
    <message>
        <source>No sheet holds {table}; name the sheet to read (--sheet).</source>
        <translation>{table}을(를) 담은 시트가 없습니다. 읽을 시트를 지정하십시오(--sheet).</translation>
    </message>
    <message>
        <source>No stakeholder has a RACI role on this initiative.</source>
        <translation>이 추진과제에 RACI 역할을 가진 이해관계자가 없습니다.</translation>
    </message>
    <message>
        <source>No stakeholder is named &apos;{value}&apos;, in the plan or in the file.</source>
        <translation>계획과 파일 어디에도 이름이 &apos;{value}&apos;인 이해관계자가 없습니다.</translation>
    </message>
    <message>
        <source>No stakeholders have been entered.</source>
        <translation>입력된 이해관계자가 없음.</translation>
    </message>
    <message>
        <source>No stakeholders yet.</source>
        <translation>아직 이해관계자가 없습니다.</translation>
    </message>
    <message>
        <source>No sticky notes yet.</source>
        <translation>아직 메모지가 없습니다.</translation>
    </message>
    <message>
        <source>No strategy</source>
        <translation>추진전략 없음</translation>
    </message>
    <message>
        <source>No values recorded</source>
        <translation>기록된 값 없음</translation>
    </message>
    <message>
        <source>No vision, fields or strategies have been entered.</source>
        <translation>입력된 비전, 분야, 추진전략이 없음.</translation>
    </message>
    <message>
        <source>No votes recorded yet.</source>
        <translation>아직 기록된 투표가 없습니다.</translation>
    </message>
    <message>
        <source>No {kind} has the code or name &apos;{value}&apos; in the plan; add it first, or give its code and its name (column {column}) to add it.</source>
        <translation>계획에 코드나 이름이 &apos;{value}&apos;인 {kind}이(가) 없습니다. 먼저 추가하거나, 코드와 이름({column} 열)을 함께 입력하면 새로 추가됩니다.</translation>
    </message>
    <message>
        <source>No {kind} is named &apos;{value}&apos; in the plan.</source>
        <translation>계획에 이름이 &apos;{value}&apos;인 {kind}이(가) 없습니다.</translation>
    </message>
    <message>
        <source>Node &apos;{node}&apos; is a group in the file, not a stakeholder.</source>
        <translation>노드 &apos;{node}&apos;은(는) 파일의 그룹이며 이해관계자가 아닙니다.</translation>
    </message>
    <message>
        <source>Node &apos;{node}&apos; is not in the file; no stakeholder is made up for it.</source>
        <translation>노드 &apos;{node}&apos;이(가) 파일에 없습니다. 없는 이해관계자를 새로 만들지 않습니다.</translation>
    </message>
    <message>
        <source>None</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>None (own funds)</source>
        <translation>없음(자체 재원)</translation>
    </message>
    <message>
        <source>None.</source>
        <translation>해당 없음.</translation>
    </message>
    <message>
        <source>None: every stakeholder has a relation.</source>
        <translation>없음: 모든 이해관계자에게 관계가 있습니다.</translation>
    </message>
    <message>
        <source>Not applicable</source>
        <translation>해당 없음</translation>
    </message>
    <message>
        <source>Not critical: it can slip {months} months without moving the plan&apos;s finish.</source>
        <translation>주경로 아님: {months}개월까지 늦어져도 계획 종료는 늦어지지 않습니다.</translation>
    </message>
    <message>
        <source>Not saved yet</source>
        <translation>아직 저장하지 않음</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>비고</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>메모:</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>메모</translation>
    </message>
    <message>
        <source>Notes already here:</source>
        <translation>이미 붙은 메모:</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>메모:</translation>
    </message>
    <message>
        <source>Nothing moves.</source>
        <translation>옮겨지는 과제가 없습니다.</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>현재</translation>
    </message>
    <message>
        <source>OK: {file}</source>
        <translation>정상: {file}</translation>
    </message>
    <message>
        <source>Officer, Team leader, Director, Director-general</source>
        <translation>담당, 팀장, 과장, 국장</translation>
    </message>
    <message>
        <source>Offline planning of AI-convergence work for local governments.</source>
        <translation>지방자치단체의 AI 융합 사업을 인터넷 없이 계획합니다.</translation>
    </message>
    <message>
        <source>On</source>
        <translation>대상</translation>
    </message>
    <message>
        <source>On both sides: {counts}</source>
        <translation>양쪽 모두: {counts}</translation>
    </message>
    <message>
        <source>On hold</source>
        <translation>보류</translation>
    </message>
    <message>
        <source>On the critical path</source>
        <translation>주경로에 있음</translation>
    </message>
    <message>
        <source>One bullet level deeper (Tab)</source>
        <translation>글머리를 한 단계 아래로 내립니다 (Tab)</translation>
    </message>
    <message>
        <source>One bullet level shallower (Shift+Tab)</source>
        <translation>글머리를 한 단계 위로 올립니다 (Shift+Tab)</translation>
    </message>
    <message>
        <source>One definition sheet (과제정의서) per initiative</source>
        <translation>과제별 과제정의서</translation>
    </message>
    <message>
        <source>Only a saved plan that is open for editing can name its versions.</source>
        <translation>저장되어 편집용으로 열린 계획만 버전에 이름을 붙일 수 있습니다.</translation>
    </message>
    <message>
        <source>Only the changes on or after this day</source>
        <translation>이 날짜 이후(당일 포함)의 변경만 봅니다</translation>
    </message>
    <message>
        <source>Only the changes on or before this day</source>
        <translation>이 날짜 이전(당일 포함)의 변경만 봅니다</translation>
    </message>
    <message>
        <source>Only the first {kept} problems are listed.</source>
        <translation>처음 {kept}건의 문제만 표시합니다.</translation>
    </message>
    <message>
        <source>Only the last 100 versions keep their content; this one can no longer be opened.</source>
        <translation>최근 100개 버전만 내용이 보관됩니다. 이 버전은 더 이상 열 수 없습니다.</translation>
    </message>
    <message>
        <source>Only top-level sections can be appendices.</source>
        <translation>최상위 절만 붙임(appendix)이 될 수 있습니다.</translation>
    </message>
    <message>
        <source>Only {author} can edit this comment; reply to it instead.</source>
        <translation>이 의견은 {author}만 수정할 수 있습니다. 대신 답글을 다십시오.</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>진행</translation>
    </message>
    <message>
        <source>Open &amp;Demo Plan</source>
        <translation>예시 계획 열기(&amp;D)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>최근 계획(&amp;R)</translation>
    </message>
    <message>
        <source>Open &amp;Team Plan…</source>
        <translation>팀 계획 열기(&amp;T)…</translation>
    </message>
    <message>
        <source>Open Plan</source>
        <translation>계획 열기</translation>
    </message>
    <message>
        <source>Open Read-Only</source>
        <translation>읽기 전용으로 열기</translation>
    </message>
    <message>
        <source>Open Team Plan</source>
        <translation>팀 계획 열기</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>폴더 열기</translation>
    </message>
    <message>
        <source>Open the Demo Plan</source>
        <translation>예시 계획 열기</translation>
    </message>
    <message>
        <source>Opened read-only.</source>
        <translation>읽기 전용으로 열었습니다.</translation>
    </message>
    <message>
        <source>Opening {name}…</source>
        <translation>{name} 여는 중…</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>열기…</translation>
    </message>
    <message>
        <source>Operate</source>
        <translation>운영</translation>
    </message>
    <message>
        <source>Opposed</source>
        <translation>반대</translation>
    </message>
    <message>
        <source>Options are only for sections with a block.</source>
        <translation>options는 생성 블록(block)이 있는 절에만 쓸 수 있습니다.</translation>
    </message>
    <message>
        <source>Orange</source>
        <translation>주황</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>소속 기관</translation>
    </message>
    <message>
        <source>Original file</source>
        <translation>원래 파일</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>기타</translation>
    </message>
    <message>
        <source>Other initiatives</source>
        <translation>기타 과제</translation>
    </message>
    <message>
        <source>Ours</source>
        <translation>우리 쪽</translation>
    </message>
    <message>
        <source>Ours (open plan)</source>
        <translation>우리 쪽(열린 계획)</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>결과</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>산출</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>개요</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>담당</translation>
    </message>
    <message>
        <source>PDF document</source>
        <translation>PDF 문서</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 문서 (*.pdf)</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 파일 (*.pdf)</translation>
    </message>
    <message>
        <source>PDF saved: {path} ({pages} pages)</source>
        <translation>PDF를 저장했습니다: {path} ({pages}쪽)</translation>
    </message>
    <message>
        <source>PIA needed</source>
        <translation>영향평가 대상</translation>
    </message>
    <message>
        <source>PIA planned</source>
        <translation>영향평가 계획</translation>
    </message>
    <message>
        <source>Page Down or Right: next; Page Up or Left: previous; B: black screen; S: spotlight; M: sticky note; P: presenter view; Esc: leave</source>
        <translation>Page Down 또는 오른쪽: 다음, Page Up 또는 왼쪽: 이전, B: 검은 화면, S: 강조 표시, M: 메모지, P: 발표자 보기, Esc: 끝내기</translation>
    </message>
    <message>
        <source>Page Down or Right: next; Page Up or Left: previous; B: black screen; S: spotlight; P: presenter view; Esc: leave</source>
        <translation>Page Down 또는 오른쪽: 다음, Page Up 또는 왼쪽: 이전, B: 검은 화면, S: 강조 표시, P: 발표자 보기, Esc: 끝내기</translation>
    </message>
    <message>
        <source>Page number</source>
        <translation>쪽 번호</translation>
    </message>
    <message>
        <source>Pages of the PDF</source>
        <translation>PDF 쪽</translation>
    </message>
    <message>
        <source>Paragraph</source>
        <translation>일반 문단</translation>
    </message>
    <message>
        <source>Paragraph style</source>
        <translation>문단 모양</translation>
    </message>
    <message>
        <source>Paragraph style (Alt+0 to Alt+4)</source>
        <translation>문단 모양 (Alt+0 ~ Alt+4)</translation>
    </message>
    <message>
        <source>Partner organisations</source>
        <translation>협력기관</translation>
    </message>
    <message>
        <source>Partners with</source>
        <translation>협력</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>비밀번호(&amp;W):</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>붙여넣기</translation>
    </message>
    <message>
        <source>Per-project summary table</source>
        <translation>사업별 요약표</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>기간</translation>
    </message>
    <message>
        <source>Period / lead</source>
        <translation>추진기간 / 주관</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>단계</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>전화번호</translation>
    </message>
    <message>
        <source>Pink</source>
        <translation>분홍</translation>
    </message>
    <message>
        <source>Placing the stakeholders…</source>
        <translation>이해관계자 배치 중…</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>계획</translation>
    </message>
    <message>
        <source>Plan AI-convergence work for your region: initiatives, partners, schedule and budget.</source>
        <translation>우리 지역의 AI 융합 사업을 계획합니다: 추진과제, 협력기관, 일정, 예산.</translation>
    </message>
    <message>
        <source>Plan records</source>
        <translation>계획 정보</translation>
    </message>
    <message>
        <source>Plan type</source>
        <translation>계획 유형</translation>
    </message>
    <message>
        <source>Plan type and period</source>
        <translation>계획 종류와 기간</translation>
    </message>
    <message>
        <source>Plan · {kpi}</source>
        <translation>계획 전체 · {kpi}</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>계획</translation>
    </message>
    <message>
        <source>Planned (KRW)</source>
        <translation>계획(원)</translation>
    </message>
    <message>
        <source>Planned amounts</source>
        <translation>계획액</translation>
    </message>
    <message>
        <source>Planned start</source>
        <translation>계획 착수월</translation>
    </message>
    <message>
        <source>Planned {amount} — at most {limit} a year</source>
        <translation>계획액 {amount} — 연간 최대 {limit}</translation>
    </message>
    <message>
        <source>Plans you open or save appear here.</source>
        <translation>열거나 저장한 계획이 여기에 나타납니다.</translation>
    </message>
    <message>
        <source>Policy</source>
        <translation>정책성</translation>
    </message>
    <message>
        <source>Policy fit</source>
        <translation>정책적 타당성</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>순서</translation>
    </message>
    <message>
        <source>Positions cannot be saved in this version of the planner.</source>
        <translation>이 버전의 플래너에서는 위치를 저장할 수 없습니다.</translation>
    </message>
    <message>
        <source>Power/interest grid</source>
        <translation>영향력·관심도 지도</translation>
    </message>
    <message>
        <source>Power/interest grid of the stakeholders</source>
        <translation>이해관계자 영향력·관심도 매트릭스</translation>
    </message>
    <message>
        <source>Pre&amp;view (the first {count} rows as they will be read):</source>
        <translation>미리 보기(&amp;V) (읽어 들일 첫 {count}행):</translation>
    </message>
    <message>
        <source>Predecessor</source>
        <translation>선행과제</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>환경설정</translation>
    </message>
    <message>
        <source>Preferences (Ctrl+,)</source>
        <translation>환경설정 (Ctrl+,)</translation>
    </message>
    <message>
        <source>Preparing {view}…</source>
        <translation>{view} 화면 준비 중…</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>발표</translation>
    </message>
    <message>
        <source>Presentation</source>
        <translation>발표</translation>
    </message>
    <message>
        <source>Presenter view</source>
        <translation>발표자 보기</translation>
    </message>
    <message>
        <source>Presenter&apos;s notes</source>
        <translation>발표자 메모</translation>
    </message>
    <message>
        <source>Preview of the first rows as they will be read</source>
        <translation>읽어 들일 첫 행들의 미리 보기</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>이전 쪽</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>인쇄</translation>
    </message>
    <message>
        <source>Print Pre&amp;view…</source>
        <translation>인쇄 미리 보기(&amp;V)…</translation>
    </message>
    <message>
        <source>Print Preview</source>
        <translation>인쇄 미리 보기</translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>인쇄하는 중…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>인쇄…</translation>
    </message>
    <message>
        <source>Prior consultation</source>
        <translation>사전협의</translation>
    </message>
    <message>
        <source>Prioritisation scores</source>
        <translation>우선순위 평가 점수</translation>
    </message>
    <message>
        <source>Privacy</source>
        <translation>개인정보</translation>
    </message>
    <message>
        <source>Privacy impact</source>
        <translation>개인정보 영향</translation>
    </message>
    <message>
        <source>Privacy impact assessment needed: {answer}</source>
        <translation>개인정보 영향평가 대상: {answer}</translation>
    </message>
    <message>
        <source>Privacy impact assessment planned or done</source>
        <translation>개인정보 영향평가 계획 또는 완료</translation>
    </message>
    <message>
        <source>Privacy impact assessment planned: {answer}</source>
        <translation>개인정보 영향평가 계획: {answer}</translation>
    </message>
    <message>
        <source>Private</source>
        <translation>민자</translation>
    </message>
    <message>
        <source>Private company</source>
        <translation>민간기업</translation>
    </message>
    <message>
        <source>Problems found in the file</source>
        <translation>파일에서 발견된 문제</translation>
    </message>
    <message>
        <source>Process</source>
        <translation>과정</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>작성 지침</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>사업</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>진척률</translation>
    </message>
    <message>
        <source>Progress (%)</source>
        <translation>진척률(%)</translation>
    </message>
    <message>
        <source>Progress against the baseline:</source>
        <translation>기준 계획 대비 진척:</translation>
    </message>
    <message>
        <source>Progress {percent}%</source>
        <translation>진척률 {percent}%</translation>
    </message>
    <message>
        <source>Project finish</source>
        <translation>사업 종료</translation>
    </message>
    <message>
        <source>Project plan</source>
        <translation>사업계획서</translation>
    </message>
    <message>
        <source>Project summary</source>
        <translation>사업별 총괄표</translation>
    </message>
    <message>
        <source>Project type</source>
        <translation>사업 유형</translation>
    </message>
    <message>
        <source>Province (시·도)</source>
        <translation>시·도</translation>
    </message>
    <message>
        <source>Provincial</source>
        <translation>시·도비</translation>
    </message>
    <message>
        <source>Public agency</source>
        <translation>공공기관</translation>
    </message>
    <message>
        <source>Publication registration number</source>
        <translation>발간등록번호</translation>
    </message>
    <message>
        <source>Publication registration number (top left)</source>
        <translation>발간등록번호(왼쪽 위)</translation>
    </message>
    <message>
        <source>Published “{title}” ({initiatives} initiatives, {rows} rows) to {url}.</source>
        <translation>“{title}”(추진과제 {initiatives}개, 행 {rows}개)을(를) {url}에 게시했습니다.</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>목적</translation>
    </message>
    <message>
        <source>PySide6 version:</source>
        <translation>PySide6 버전:</translation>
    </message>
    <message>
        <source>Python version:</source>
        <translation>Python 버전:</translation>
    </message>
    <message>
        <source>Qt version:</source>
        <translation>Qt 버전:</translation>
    </message>
    <message>
        <source>Quadrant</source>
        <translation>사분면</translation>
    </message>
    <message>
        <source>Quick add</source>
        <translation>빠른 추가</translation>
    </message>
    <message>
        <source>Quick add: name, then Enter</source>
        <translation>빠른 추가: 이름 입력 후 Enter</translation>
    </message>
    <message>
        <source>Q{quarter}</source>
        <translation>{quarter}분기</translation>
    </message>
    <message>
        <source>R = responsible, A = accountable, C = consulted, I = informed</source>
        <translation>R: 실행, A: 책임, C: 협의, I: 공유</translation>
    </message>
    <message>
        <source>RACI</source>
        <translation>RACI</translation>
    </message>
    <message>
        <source>RACI findings: {count}</source>
        <translation>RACI 점검 결과: {count}건</translation>
    </message>
    <message>
        <source>RACI matrix ({number}/{count})</source>
        <translation>RACI 매트릭스({number}/{count})</translation>
    </message>
    <message>
        <source>RACI matrix of stakeholders on initiatives</source>
        <translation>과제별 이해관계자 RACI 매트릭스</translation>
    </message>
    <message>
        <source>RACI role</source>
        <translation>RACI 역할</translation>
    </message>
    <message>
        <source>RACI roles</source>
        <translation>RACI 역할</translation>
    </message>
    <message>
        <source>RACI rules: one accountable and at least one responsible per initiative</source>
        <translation>RACI 규칙: 과제마다 책임(A) 1명, 실행(R) 1명 이상</translation>
    </message>
    <message>
        <source>RACI table</source>
        <translation>RACI 표</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>순위</translation>
    </message>
    <message>
        <source>Rank and name</source>
        <translation>직급·성명</translation>
    </message>
    <message>
        <source>Rank by {method} (M switches)</source>
        <translation>{method}(으)로 순위를 매깁니다(M으로 전환)</translation>
    </message>
    <message>
        <source>Rank: then → now</source>
        <translation>순위: 이전 → 현재</translation>
    </message>
    <message>
        <source>Ranked by:</source>
        <translation>순위 기준:</translation>
    </message>
    <message>
        <source>Ranking method</source>
        <translation>순위 산정 방식</translation>
    </message>
    <message>
        <source>Rate &apos;{code}&apos;</source>
        <translation>&apos;{code}&apos; 평가</translation>
    </message>
    <message>
        <source>Ratings and Votes</source>
        <translation>평가와 투표</translation>
    </message>
    <message>
        <source>Read as</source>
        <translation>읽을 항목</translation>
    </message>
    <message>
        <source>Read every row against the plan and list what is wrong; nothing changes yet</source>
        <translation>모든 행을 계획과 대조하여 문제를 표시합니다. 아직 아무것도 바뀌지 않습니다</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>읽기 전용</translation>
    </message>
    <message>
        <source>Reading stopped after {count} problems.</source>
        <translation>문제가 {count}건을 넘어 읽기를 중단했습니다.</translation>
    </message>
    <message>
        <source>Reading {file}…</source>
        <translation>{file} 읽는 중…</translation>
    </message>
    <message>
        <source>Ready to export</source>
        <translation>내보내기 가능</translation>
    </message>
    <message>
        <source>Recent plans</source>
        <translation>최근 계획</translation>
    </message>
    <message>
        <source>Record the current sums by year and source as the totals the plan declares. The checks then report any later change that makes the lines stop adding up to them.</source>
        <translation>현재 연도별·재원별 합계를 계획의 총액으로 기록합니다. 이후 예산 항목의 합이 이 총액과 달라지면 검사에서 알려 줍니다.</translation>
    </message>
    <message>
        <source>Recover</source>
        <translation>복구</translation>
    </message>
    <message>
        <source>Recover Unsaved Plans</source>
        <translation>저장하지 않은 계획 복구</translation>
    </message>
    <message>
        <source>Recoverable plans</source>
        <translation>복구할 수 있는 계획</translation>
    </message>
    <message>
        <source>Redo: {action}</source>
        <translation>다시 실행: {action}</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>새로 고침</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>지역</translation>
    </message>
    <message>
        <source>Register of stakeholders with sector, influence, interest and engagement</source>
        <translation>이해관계자 목록(부문, 영향력, 관심도, 관리 전략)</translation>
    </message>
    <message>
        <source>Regulates</source>
        <translation>규제·감독</translation>
    </message>
    <message>
        <source>Relation type</source>
        <translation>관계 유형</translation>
    </message>
    <message>
        <source>Relationship network</source>
        <translation>관계망</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>다시 불러오기</translation>
    </message>
    <message>
        <source>Remember everyone&apos;s place on the grid under a name</source>
        <translation>이해관계자 전원의 현재 격자 위치를 이름을 붙여 저장합니다</translation>
    </message>
    <message>
        <source>Remember the password in the system keyring</source>
        <translation>시스템 키링에 비밀번호 기억</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>삭제</translation>
    </message>
    <message>
        <source>Remove from List</source>
        <translation>목록에서 빼기</translation>
    </message>
    <message>
        <source>Remove the selected slide (Delete)</source>
        <translation>선택한 슬라이드 삭제 (Delete)</translation>
    </message>
    <message>
        <source>Removed since the baseline:</source>
        <translation>기준 계획 이후 삭제된 과제:</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>다시 열기</translation>
    </message>
    <message>
        <source>Reopen comment</source>
        <translation>의견 다시 열기</translation>
    </message>
    <message>
        <source>Reopen the chosen thread</source>
        <translation>선택한 의견 다시 열기</translation>
    </message>
    <message>
        <source>Replies to</source>
        <translation>답글 대상</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>답글</translation>
    </message>
    <message>
        <source>Reply to comment</source>
        <translation>의견에 답글</translation>
    </message>
    <message>
        <source>Reply to the chosen comment</source>
        <translation>선택한 의견에 답글 달기</translation>
    </message>
    <message>
        <source>Report language</source>
        <translation>보고서 언어</translation>
    </message>
    <message>
        <source>Report language:</source>
        <translation>보고서 언어:</translation>
    </message>
    <message>
        <source>Reports to</source>
        <translation>보고 대상</translation>
    </message>
    <message>
        <source>Represents</source>
        <translation>대표</translation>
    </message>
    <message>
        <source>Required fields no column is read as: {fields}</source>
        <translation>어느 열에도 지정되지 않은 필수 항목: {fields}</translation>
    </message>
    <message>
        <source>Research</source>
        <translation>연구</translation>
    </message>
    <message>
        <source>Resize initiative</source>
        <translation>추진과제 기간 변경</translation>
    </message>
    <message>
        <source>Resolve</source>
        <translation>해결</translation>
    </message>
    <message>
        <source>Resolve comment</source>
        <translation>의견 해결</translation>
    </message>
    <message>
        <source>Resolve the chosen thread</source>
        <translation>선택한 의견 해결</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>해결됨</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>실행(R)</translation>
    </message>
    <message>
        <source>Responsible (R)</source>
        <translation>실무 담당(R)</translation>
    </message>
    <message>
        <source>Restore Version as New Plan</source>
        <translation>버전을 새 계획으로 복원</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>결과</translation>
    </message>
    <message>
        <source>Results table</source>
        <translation>추진실적 표</translation>
    </message>
    <message>
        <source>Rever&amp;t to Saved</source>
        <translation>저장본으로 되돌리기(&amp;T)</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>되돌리기</translation>
    </message>
    <message>
        <source>Revert “{name}” to the last saved version?</source>
        <translation>“{name}”을(를) 마지막으로 저장한 상태로 되돌릴까요?</translation>
    </message>
    <message>
        <source>Ring the stakeholders that link otherwise separate groups</source>
        <translation>떨어진 집단을 잇는 이해관계자에 테두리를 표시합니다</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>위험</translation>
    </message>
    <message>
        <source>Risk register</source>
        <translation>위험 관리대장</translation>
    </message>
    <message>
        <source>Risk register with likelihood, impact and mitigation</source>
        <translation>위험 관리대장(가능성, 영향, 대응방안)</translation>
    </message>
    <message>
        <source>Risks</source>
        <translation>위험</translation>
    </message>
    <message>
        <source>Roadmap</source>
        <translation>로드맵</translation>
    </message>
    <message>
        <source>Roadmap by year</source>
        <translation>연도별 로드맵</translation>
    </message>
    <message>
        <source>Roadmap chart: bars, milestones, dependency arrows and the critical path</source>
        <translation>로드맵 차트: 막대, 마일스톤, 선후행 화살표, 주경로</translation>
    </message>
    <message>
        <source>Roadmap {start}–{end}</source>
        <translation>추진 로드맵 {start}–{end}</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>역할</translation>
    </message>
    <message>
        <source>Role in the network</source>
        <translation>네트워크 내 역할</translation>
    </message>
    <message>
        <source>Round {number}</source>
        <translation>{number}차 라운드</translation>
    </message>
    <message>
        <source>Row {row}, column &apos;{column}&apos;: {problem}</source>
        <translation>{row}행, &apos;{column}&apos; 열: {problem}</translation>
    </message>
    <message>
        <source>Row {row}: the column &apos;{column}&apos; is not known and was ignored.</source>
        <translation>{row}행: 알 수 없는 열 &apos;{column}&apos;은(는) 무시했습니다.</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>행 수</translation>
    </message>
    <message>
        <source>Rows both sides added alike, kept once: {count}</source>
        <translation>양쪽이 똑같이 추가하여 하나만 남긴 행: {count}</translation>
    </message>
    <message>
        <source>Rows: {shown} of {total}</source>
        <translation>{total}개 중 {shown}개</translation>
    </message>
    <message>
        <source>Rows: {total}</source>
        <translation>{total}개</translation>
    </message>
    <message>
        <source>Rule check</source>
        <translation>기준 점검</translation>
    </message>
    <message>
        <source>Run the checks of a guideline profile on a plan and list the findings. Exit status: 0 when no check finds an error, 1 when one does, 2 on bad input. --lang also chooses the language of the findings (default: the profile&apos;s).</source>
        <translation>지침 프로필의 점검을 계획에 적용하고 점검 결과를 나열합니다. 종료 코드: 오류가 없으면 0, 오류가 있으면 1, 잘못된 입력이면 2입니다. --lang은 점검 결과의 언어도 정합니다 (기본값: 프로필의 언어).</translation>
    </message>
    <message>
        <source>Sa&amp;ve Report…</source>
        <translation>보고서 저장(&amp;V)…</translation>
    </message>
    <message>
        <source>Sample values</source>
        <translation>값 예시</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>저장</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>다른 이름으로 저장(&amp;A)…</translation>
    </message>
    <message>
        <source>Save &amp;Version As…</source>
        <translation>버전으로 저장(&amp;V)…</translation>
    </message>
    <message>
        <source>Save As…</source>
        <translation>다른 이름으로 저장…</translation>
    </message>
    <message>
        <source>Save Plan As</source>
        <translation>다른 이름으로 계획 저장</translation>
    </message>
    <message>
        <source>Save Report</source>
        <translation>보고서 저장</translation>
    </message>
    <message>
        <source>Save Version As</source>
        <translation>버전으로 저장</translation>
    </message>
    <message>
        <source>Save at least one round to compare rounds.</source>
        <translation>라운드를 비교하려면 먼저 라운드를 하나 이상 저장하십시오.</translation>
    </message>
    <message>
        <source>Save baseline &apos;{name}&apos;</source>
        <translation>기준 계획 &apos;{name}&apos; 저장</translation>
    </message>
    <message>
        <source>Save current ratings</source>
        <translation>현재 평가 저장</translation>
    </message>
    <message>
        <source>Save grid snapshot &apos;{name}&apos;</source>
        <translation>그리드 스냅숏 &apos;{name}&apos; 저장</translation>
    </message>
    <message>
        <source>Save round</source>
        <translation>라운드 저장</translation>
    </message>
    <message>
        <source>Save round as:</source>
        <translation>라운드 이름:</translation>
    </message>
    <message>
        <source>Save snapshot</source>
        <translation>스냅숏 저장</translation>
    </message>
    <message>
        <source>Save snapshot…</source>
        <translation>스냅숏 저장…</translation>
    </message>
    <message>
        <source>Save the plan first: the package is made from the saved file, so that it can be merged back.</source>
        <translation>먼저 계획을 저장하십시오. 다시 병합할 수 있도록 패키지는 저장된 파일로 만듭니다.</translation>
    </message>
    <message>
        <source>Save the ratings as a named round (R)</source>
        <translation>현재 평가를 이름을 붙인 라운드로 저장합니다(R)</translation>
    </message>
    <message>
        <source>Save the ratings as they stand now as a named round</source>
        <translation>현재 평가를 이름을 붙인 라운드로 저장합니다</translation>
    </message>
    <message>
        <source>Save workshop round &apos;{name}&apos;</source>
        <translation>워크숍 라운드 &apos;{name}&apos; 저장</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>저장 시각</translation>
    </message>
    <message>
        <source>Saved (UTC)</source>
        <translation>저장 시각(UTC)</translation>
    </message>
    <message>
        <source>Saved rounds</source>
        <translation>저장된 라운드</translation>
    </message>
    <message>
        <source>Saved rounds and how the ranking changed (C)</source>
        <translation>저장된 라운드와 순위 변화를 봅니다(C)</translation>
    </message>
    <message>
        <source>Saved the baseline &apos;{name}&apos; in {file}.</source>
        <translation>기준 계획 &apos;{name}&apos;을(를) {file}에 저장했습니다.</translation>
    </message>
    <message>
        <source>Saved the round &apos;{name}&apos;.</source>
        <translation>라운드 &apos;{name}&apos;을(를) 저장했습니다.</translation>
    </message>
    <message>
        <source>Saved version {name}, opened read-only; Save As keeps it as a plan</source>
        <translation>저장 버전 {name}(읽기 전용). 다른 이름으로 저장하면 계획으로 보관됩니다</translation>
    </message>
    <message>
        <source>Saved version “{name}”.</source>
        <translation>“{name}” 버전으로 저장했습니다.</translation>
    </message>
    <message>
        <source>Saved {name}.</source>
        <translation>{name}을(를) 저장했습니다.</translation>
    </message>
    <message>
        <source>Saving failed ({reason}). The file was not changed and your edits are kept.</source>
        <translation>저장하지 못했습니다({reason}). 파일은 바뀌지 않았고 편집한 내용은 그대로 있습니다.</translation>
    </message>
    <message>
        <source>Sceptical</source>
        <translation>회의적</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>일정</translation>
    </message>
    <message>
        <source>Schedule: {message}</source>
        <translation>일정: {message}</translation>
    </message>
    <message>
        <source>Scheduled (dependencies applied)</source>
        <translation>추진 일정(선후행 반영)</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>점수</translation>
    </message>
    <message>
        <source>Screen</source>
        <translation>화면</translation>
    </message>
    <message>
        <source>Screen {number}: {name} ({width}×{height})</source>
        <translation>화면 {number}: {name} ({width}×{height})</translation>
    </message>
    <message>
        <source>Screen:</source>
        <translation>화면:</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>검색</translation>
    </message>
    <message>
        <source>Search code or title</source>
        <translation>코드 또는 제목 검색</translation>
    </message>
    <message>
        <source>Search name or organisation</source>
        <translation>이름 또는 기관 검색</translation>
    </message>
    <message>
        <source>Search the findings</source>
        <translation>점검 결과 검색</translation>
    </message>
    <message>
        <source>Search the findings (Ctrl+F)</source>
        <translation>점검 결과 검색 (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search the history</source>
        <translation>변경 이력 검색</translation>
    </message>
    <message>
        <source>Search the history (Ctrl+F)</source>
        <translation>변경 이력 검색 (Ctrl+F)</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>섹션</translation>
    </message>
    <message>
        <source>Section &apos;{section}&apos; has {count} characters of text; at least {minimum} expected</source>
        <translation>&apos;{section}&apos; 절의 본문이 {count}자로 최소 {minimum}자보다 적음</translation>
    </message>
    <message>
        <source>Section &apos;{section}&apos; is not written</source>
        <translation>&apos;{section}&apos; 절이 작성되지 않음</translation>
    </message>
    <message>
        <source>Section text</source>
        <translation>섹션 본문</translation>
    </message>
    <message>
        <source>Sections are nested too deeply (at most {limit} levels).</source>
        <translation>절의 중첩이 너무 깊습니다(최대 {limit}단계).</translation>
    </message>
    <message>
        <source>Sections of the document</source>
        <translation>문서의 목차</translation>
    </message>
    <message>
        <source>Sector</source>
        <translation>부문</translation>
    </message>
    <message>
        <source>Sector rings</source>
        <translation>부문별 고리</translation>
    </message>
    <message>
        <source>Security and privacy</source>
        <translation>정보보호·개인정보</translation>
    </message>
    <message>
        <source>Security consultation needed</source>
        <translation>보안성 검토 필요</translation>
    </message>
    <message>
        <source>Security consultation: {answer}</source>
        <translation>보안성 검토: {answer}</translation>
    </message>
    <message>
        <source>Select a stakeholder to see only its direct relations.</source>
        <translation>직접 관계만 보려면 이해관계자를 선택하세요.</translation>
    </message>
    <message>
        <source>Select the initiative that comes first, then choose Link…</source>
        <translation>먼저 오는 추진과제를 선택한 뒤 연결…을 고르십시오.</translation>
    </message>
    <message>
        <source>Select the plan so the inspector shows the cover&apos;s fields: date, approval box, publication number, contact</source>
        <translation>계획을 선택하여 속성 창에 표지 항목(날짜, 결재란, 발간등록번호, 연락처)을 표시합니다</translation>
    </message>
    <message>
        <source>Select the round to delete in the list.</source>
        <translation>목록에서 삭제할 라운드를 선택하십시오.</translation>
    </message>
    <message>
        <source>Selected stakeholder</source>
        <translation>선택한 이해관계자</translation>
    </message>
    <message>
        <source>Sensitive data</source>
        <translation>민감정보</translation>
    </message>
    <message>
        <source>Server Unreachable</source>
        <translation>서버에 연결할 수 없음</translation>
    </message>
    <message>
        <source>Service domain</source>
        <translation>서비스 분야</translation>
    </message>
    <message>
        <source>Service templates</source>
        <translation>서비스 템플릿</translation>
    </message>
    <message>
        <source>Set by hand; influence and interest suggest: {strategy}</source>
        <translation>직접 지정함. 영향력·관심도 기준 권장: {strategy}</translation>
    </message>
    <message>
        <source>Set the feasibility of &apos;{code}&apos;</source>
        <translation>&apos;{code}&apos;의 실현가능성 설정</translation>
    </message>
    <message>
        <source>Set the impact of &apos;{code}&apos;</source>
        <translation>&apos;{code}&apos;의 영향 설정</translation>
    </message>
    <message>
        <source>Set up a PostgreSQL database for a team plan, upload a plan file to it, or copy the team plan to a plan file for offline work (it merges back with &apos;cplan merge&apos;). Exit status: 0 on success, 2 on bad input or when the server cannot be used.</source>
        <translation>팀 계획용 PostgreSQL 데이터베이스를 준비하거나, 계획 파일을 올리거나, 오프라인 작업을 위해 팀 계획을 계획 파일로 복사합니다(&apos;cplan merge&apos;로 다시 합칠 수 있음). 종료 코드: 성공 0, 잘못된 입력이거나 서버를 쓸 수 없으면 2.</translation>
    </message>
    <message>
        <source>Set up {url} for a team plan: the plan&apos;s tables with row versions, and the roles {roles}.</source>
        <translation>{url}을(를) 팀 계획용으로 준비했습니다: 행 버전이 있는 계획 표와 역할 {roles}.</translation>
    </message>
    <message>
        <source>Set {count} RACI roles to {role}</source>
        <translation>RACI 역할 {count}개를 {role}(으)로 지정</translation>
    </message>
    <message>
        <source>Set {score} of &apos;{code}&apos;</source>
        <translation>&apos;{code}&apos;의 {score} 설정</translation>
    </message>
    <message>
        <source>Several values</source>
        <translation>여러 값</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>심각도</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>시트</translation>
    </message>
    <message>
        <source>Sheets in the file</source>
        <translation>파일의 시트</translation>
    </message>
    <message>
        <source>Shift-drag from one initiative to another to link them · Del deletes the selected link · Ctrl+wheel zooms, Ctrl+0 fits</source>
        <translation>Shift-드래그: 두 추진과제 연결 · Del: 선택한 연결 삭제 · Ctrl+휠: 확대/축소, Ctrl+0: 전체 보기</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>보기</translation>
    </message>
    <message>
        <source>Show &amp;Inspector</source>
        <translation>속성 창 보기(&amp;I)</translation>
    </message>
    <message>
        <source>Show a saved baseline as ghost bars behind the current ones</source>
        <translation>저장된 기준 계획을 현재 막대 뒤에 흐린 막대로 표시</translation>
    </message>
    <message>
        <source>Show checks</source>
        <translation>점검 결과 보기</translation>
    </message>
    <message>
        <source>Show only the selected stakeholder and its direct relations</source>
        <translation>선택한 이해관계자와 직접 연결된 관계만 표시합니다</translation>
    </message>
    <message>
        <source>Show only the stakeholders with this tag</source>
        <translation>이 태그가 붙은 이해관계자만 표시</translation>
    </message>
    <message>
        <source>Show or hide the errors: they must be fixed before the PDF can be exported</source>
        <translation>오류 표시/숨기기: 오류를 수정해야 PDF를 내보낼 수 있습니다</translation>
    </message>
    <message>
        <source>Show or hide the notes for information</source>
        <translation>참고 사항 표시/숨기기</translation>
    </message>
    <message>
        <source>Show or hide the warnings: worth fixing, but they do not block the export</source>
        <translation>경고 표시/숨기기: 수정하는 것이 좋지만 내보내기를 막지는 않습니다</translation>
    </message>
    <message>
        <source>Show planned or executed amounts</source>
        <translation>계획액 또는 집행액 보기</translation>
    </message>
    <message>
        <source>Show selected initiative ({code})</source>
        <translation>선택한 과제 보기 ({code})</translation>
    </message>
    <message>
        <source>Show the budget of the initiative selected in another view</source>
        <translation>다른 화면에서 선택한 추진과제의 예산 보기</translation>
    </message>
    <message>
        <source>Show the initiatives of one field, or of all</source>
        <translation>한 분야 또는 전체 분야의 과제를 표시합니다</translation>
    </message>
    <message>
        <source>Show the initiatives of one field; linked initiatives of other fields stay faded</source>
        <translation>한 분야의 추진과제만 표시합니다. 연결된 다른 분야 과제는 흐리게 보입니다</translation>
    </message>
    <message>
        <source>Show the plan&apos;s schedule. Exit status: 0 when the schedule has no findings, 1 when it has findings (listed after the table, or under &apos;findings&apos; in the JSON), 2 on bad input or a dependency cycle.</source>
        <translation>계획의 일정을 보여 줍니다. 종료 코드: 점검 결과가 없으면 0, 있으면 1(표 아래 또는 JSON의 &apos;findings&apos;에 나열), 잘못된 입력이나 선후행 순환이 있으면 2.</translation>
    </message>
    <message>
        <source>Show the whole graph (Ctrl+0)</source>
        <translation>그래프 전체 보기(Ctrl+0)</translation>
    </message>
    <message>
        <source>Show the whole network (Ctrl+0)</source>
        <translation>네트워크 전체 보기 (Ctrl+0)</translation>
    </message>
    <message>
        <source>Show who is accountable, responsible, consulted and informed on each initiative. Exit status: 0 when every RACI rule holds, 1 when one is broken (the findings are listed), 2 on bad input.</source>
        <translation>과제마다 최종 책임(A), 실무 담당(R), 협의(C), 통보(I) 대상을 보여 줍니다. 종료 코드: 모든 RACI 규칙이 지켜지면 0, 하나라도 어긋나면 1(발견 사항을 나열), 잘못된 입력이면 2.</translation>
    </message>
    <message>
        <source>Slide</source>
        <translation>슬라이드</translation>
    </message>
    <message>
        <source>Slide sequence</source>
        <translation>슬라이드 순서</translation>
    </message>
    <message>
        <source>Slide title</source>
        <translation>슬라이드 제목</translation>
    </message>
    <message>
        <source>Slide type</source>
        <translation>슬라이드 종류</translation>
    </message>
    <message>
        <source>Slide {number} has an unknown type &apos;{kind}&apos;; choose one of: {kinds}.</source>
        <translation>{number}번 슬라이드의 유형 &apos;{kind}&apos;을(를) 알 수 없습니다. 다음 중에서 선택하십시오: {kinds}.</translation>
    </message>
    <message>
        <source>Slide {number} has settings that are not a list of names and values.</source>
        <translation>{number}번 슬라이드의 설정이 이름과 값의 목록이 아닙니다.</translation>
    </message>
    <message>
        <source>Slides</source>
        <translation>슬라이드</translation>
    </message>
    <message>
        <source>Snapshots are not available in this version.</source>
        <translation>이 버전에서는 스냅숏을 쓸 수 없습니다.</translation>
    </message>
    <message>
        <source>Some pasted rows were not added:</source>
        <translation>붙여넣은 행 중 일부는 추가하지 않았습니다:</translation>
    </message>
    <message>
        <source>Something went wrong inside Convergence Planner. Your plan is still open; save it soon.</source>
        <translation>Convergence Planner 내부에서 문제가 생겼습니다. 계획은 아직 열려 있으니 곧 저장하십시오.</translation>
    </message>
    <message>
        <source>Source code: {where}</source>
        <translation>소스 코드: {where}</translation>
    </message>
    <message>
        <source>Spotlight</source>
        <translation>강조 표시</translation>
    </message>
    <message>
        <source>Stakeholder</source>
        <translation>이해관계자</translation>
    </message>
    <message>
        <source>Stakeholder grid</source>
        <translation>이해관계자 격자</translation>
    </message>
    <message>
        <source>Stakeholder network</source>
        <translation>이해관계자 네트워크</translation>
    </message>
    <message>
        <source>Stakeholder relation</source>
        <translation>이해관계자 관계</translation>
    </message>
    <message>
        <source>Stakeholder relations</source>
        <translation>이해관계자 관계</translation>
    </message>
    <message>
        <source>Stakeholder table</source>
        <translation>이해관계자 현황표</translation>
    </message>
    <message>
        <source>Stakeholders</source>
        <translation>이해관계자</translation>
    </message>
    <message>
        <source>Stakeholders ({count})</source>
        <translation>이해관계자 ({count})</translation>
    </message>
    <message>
        <source>Stakeholders by sector</source>
        <translation>부문별 이해관계자</translation>
    </message>
    <message>
        <source>Stakeholders responsible (R) or accountable (A) for what moves:</source>
        <translation>옮겨지는 과제의 실행(R)·책임(A) 이해관계자:</translation>
    </message>
    <message>
        <source>Stakeholders: influence and interest</source>
        <translation>이해관계자: 영향력과 관심도</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>시작</translation>
    </message>
    <message>
        <source>Start month</source>
        <translation>시작 월</translation>
    </message>
    <message>
        <source>Start no earlier than</source>
        <translation>시작 가능 시기</translation>
    </message>
    <message>
        <source>Start of the plan period</source>
        <translation>계획 기간 시작</translation>
    </message>
    <message>
        <source>Start presentation</source>
        <translation>발표 시작</translation>
    </message>
    <message>
        <source>Start to finish</source>
        <translation>시작-종료(SF)</translation>
    </message>
    <message>
        <source>Start to start</source>
        <translation>시작-시작(SS)</translation>
    </message>
    <message>
        <source>State</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Sticky note</source>
        <translation>메모지</translation>
    </message>
    <message>
        <source>Sticky note on {name}</source>
        <translation>{name}에 메모 붙이기</translation>
    </message>
    <message>
        <source>Sticky note on…</source>
        <translation>메모지를 붙일 대상…</translation>
    </message>
    <message>
        <source>Sticky notes</source>
        <translation>메모지</translation>
    </message>
    <message>
        <source>Sticky notes (S adds one)</source>
        <translation>메모 수(S로 추가)</translation>
    </message>
    <message>
        <source>Sticky notes ({count})</source>
        <translation>메모지({count})</translation>
    </message>
    <message>
        <source>Stop the force layout and keep the positions shown</source>
        <translation>힘 기반 배치를 멈추고 현재 위치를 유지합니다</translation>
    </message>
    <message>
        <source>Strategies</source>
        <translation>추진전략</translation>
    </message>
    <message>
        <source>Strategy</source>
        <translation>추진전략</translation>
    </message>
    <message>
        <source>Strategy code</source>
        <translation>추진전략 코드</translation>
    </message>
    <message>
        <source>Strategy name</source>
        <translation>추진전략명</translation>
    </message>
    <message>
        <source>Strength</source>
        <translation>강도</translation>
    </message>
    <message>
        <source>Sub-total</source>
        <translation>소계</translation>
    </message>
    <message>
        <source>Submission date</source>
        <translation>제출일</translation>
    </message>
    <message>
        <source>Successor</source>
        <translation>후행과제</translation>
    </message>
    <message>
        <source>Suggested first, not in the plan yet: {names}</source>
        <translation>먼저 추진할 것을 권장하나 아직 계획에 없는 과제: {names}</translation>
    </message>
    <message>
        <source>Suggested first, not in the plan: {names}.</source>
        <translation>먼저 추진할 것을 권장하나 계획에 없는 과제: {names}.</translation>
    </message>
    <message>
        <source>Suggested prerequisites</source>
        <translation>권장 선행 과제</translation>
    </message>
    <message>
        <source>Sum of the five scores</source>
        <translation>다섯 가지 평가 점수의 합</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>요약</translation>
    </message>
    <message>
        <source>Summary of the AI-ethics and trustworthy-AI self-checks</source>
        <translation>AI 윤리·신뢰할 수 있는 AI 자율점검 요약</translation>
    </message>
    <message>
        <source>Supplies</source>
        <translation>공급</translation>
    </message>
    <message>
        <source>Supportive</source>
        <translation>지지</translation>
    </message>
    <message>
        <source>Tab next score · 1–5 set · 0 clear · + / − vote · N new · S note · M method · R save round</source>
        <translation>Tab 다음 항목 · 1–5 점수 · 0 지우기 · + / − 투표 · N 새 과제 · S 메모 · M 방식 · R 라운드 저장</translation>
    </message>
    <message>
        <source>Table of contents</source>
        <translation>목차</translation>
    </message>
    <message>
        <source>Table of initiatives by field: code, title, period, lead, budget</source>
        <translation>분야별 과제 목록: 코드, 과제명, 기간, 주관, 예산</translation>
    </message>
    <message>
        <source>Tables</source>
        <translation>표</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>태그</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>태그</translation>
    </message>
    <message>
        <source>Tags such as {tag} are not allowed in a profile.</source>
        <translation>프로파일에는 {tag} 같은 태그를 쓸 수 없습니다.</translation>
    </message>
    <message>
        <source>Take a vote from &apos;{code}&apos;</source>
        <translation>&apos;{code}&apos;에서 한 표 빼기</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>목표</translation>
    </message>
    <message>
        <source>Target users</source>
        <translation>대상 사용자</translation>
    </message>
    <message>
        <source>Target {year}</source>
        <translation>{year} 목표</translation>
    </message>
    <message>
        <source>TaskJuggler project written by Convergence Planner {version}. Run: tj3 -o DIR {file} (DIR/{report}.csv lists every initiative&apos;s start and end).</source>
        <translation>Convergence Planner {version}에서 만든 TaskJuggler 프로젝트 파일입니다. 실행: tj3 -o DIR {file} (DIR/{report}.csv에 과제별 시작·종료일이 나옵니다).</translation>
    </message>
    <message>
        <source>Team plan on the server; every edit is saved there at once.</source>
        <translation>서버의 팀 계획입니다. 편집할 때마다 서버에 바로 저장됩니다.</translation>
    </message>
    <message>
        <source>Team plans live on PostgreSQL, not on {engine}.</source>
        <translation>팀 계획은 {engine}이(가) 아니라 PostgreSQL에 둡니다.</translation>
    </message>
    <message>
        <source>Team plans need the PostgreSQL driver psycopg, which is not installed (pip install &quot;convergence-planner[team]&quot;).</source>
        <translation>팀 계획에는 PostgreSQL 드라이버 psycopg가 필요하지만 설치되어 있지 않습니다(pip install &quot;convergence-planner[team]&quot;).</translation>
    </message>
    <message>
        <source>Tech.</source>
        <translation>기술성</translation>
    </message>
    <message>
        <source>Technical feasibility</source>
        <translation>기술구현성</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>템플릿</translation>
    </message>
    <message>
        <source>Template &apos;{template}&apos;, {field}: {message}</source>
        <translation>템플릿 &apos;{template}&apos;, {field}: {message}</translation>
    </message>
    <message>
        <source>Template catalogue, {field}: {message}</source>
        <translation>템플릿 목록, {field}: {message}</translation>
    </message>
    <message>
        <source>Template details</source>
        <translation>템플릿 세부 내용</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>본문</translation>
    </message>
    <message>
        <source>Text files (*.txt)</source>
        <translation>텍스트 파일 (*.txt)</translation>
    </message>
    <message>
        <source>Text of a new comment or reply</source>
        <translation>새 의견 또는 답글 내용</translation>
    </message>
    <message>
        <source>Text of the note</source>
        <translation>메모 내용</translation>
    </message>
    <message>
        <source>The CSV text cannot be read from here on ({problem}): a cell is longer than {limit:,} characters or a quotation mark is not closed.</source>
        <translation>이 행부터 CSV 텍스트를 읽을 수 없습니다({problem}). 셀이 {limit:,}자를 넘거나 따옴표가 닫히지 않았습니다.</translation>
    </message>
    <message>
        <source>The PDF could not be built because of an internal error: {reason}</source>
        <translation>내부 오류로 PDF를 만들지 못했습니다: {reason}</translation>
    </message>
    <message>
        <source>The PDF could not be built.</source>
        <translation>PDF를 만들지 못했습니다.</translation>
    </message>
    <message>
        <source>The PDF could not be built: {reason}</source>
        <translation>PDF를 만들지 못했습니다: {reason}</translation>
    </message>
    <message>
        <source>The PDF could not be written to {path}: {reason}</source>
        <translation>PDF를 {path}에 저장하지 못했습니다: {reason}</translation>
    </message>
    <message>
        <source>The PDF generates this section from the plan:</source>
        <translation>이 섹션은 PDF를 만들 때 계획의 자료로 생성됩니다:</translation>
    </message>
    <message>
        <source>The PDF was not written: the plan has {count} error(s) under the profile {profile}.</source>
        <translation>PDF를 쓰지 않았습니다: 계획이 지침 {profile}에 맞지 않는 오류 {count}건이 있습니다.</translation>
    </message>
    <message>
        <source>The Qt libraries and PySide6 are used unmodified under the GNU LGPL version 3. The licences of every component are under Third-party licences.</source>
        <translation>Qt 라이브러리와 PySide6는 GNU LGPL 버전 3에 따라 수정 없이 사용합니다. 구성요소별 라이선스는 &apos;오픈소스 라이선스&apos; 탭에서 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>The XML declares entities; files with entity declarations are refused (they can expand without limit).</source>
        <translation>XML에 엔터티 선언이 있습니다. 엔터티를 선언한 파일은 받지 않습니다(끝없이 부풀 수 있습니다).</translation>
    </message>
    <message>
        <source>The XML has a document type declaration, which is refused.</source>
        <translation>XML에 문서 형식 선언(DTD)이 있어 받지 않습니다.</translation>
    </message>
    <message>
        <source>The XML refers to an external file or address; such files are refused (nothing outside the file is read).</source>
        <translation>XML이 외부 파일이나 주소를 가리킵니다. 이런 파일은 받지 않습니다(파일 밖의 내용은 읽지 않습니다).</translation>
    </message>
    <message>
        <source>The actual finish comes before the actual start.</source>
        <translation>실제 종료가 실제 시작보다 앞섭니다.</translation>
    </message>
    <message>
        <source>The annual plan for {year} is due on {due}; no submission date is recorded yet</source>
        <translation>{year}년 실행계획의 제출 기한은 {due}이며 제출일이 아직 기록되지 않음</translation>
    </message>
    <message>
        <source>The annual plan for {year} is submitted on {submitted}, after the deadline {due}</source>
        <translation>{year}년 실행계획 제출일({submitted})이 제출 기한({due})보다 늦음</translation>
    </message>
    <message>
        <source>The annual plan for {year} was due on {due} and has no submission date</source>
        <translation>{year}년 실행계획의 제출 기한({due})이 지났으나 제출일이 없음</translation>
    </message>
    <message>
        <source>The annual plan is submitted by the deadline</source>
        <translation>연도별 실행계획을 기한 내 제출함</translation>
    </message>
    <message>
        <source>The author&apos;s name is longer than {count} characters.</source>
        <translation>작성자 이름이 {count}자를 넘습니다.</translation>
    </message>
    <message>
        <source>The baseline is no longer in the plan.</source>
        <translation>기준 계획이 더 이상 계획에 없습니다.</translation>
    </message>
    <message>
        <source>The budget lines add up to the declared totals.</source>
        <translation>예산 내역의 합계가 계획상 총액과 일치함.</translation>
    </message>
    <message>
        <source>The cell holds the spreadsheet error {value}.</source>
        <translation>셀에 스프레드시트 오류 {value}이(가) 있습니다.</translation>
    </message>
    <message>
        <source>The cell holds {length:,} characters; a cell may hold at most {limit:,}.</source>
        <translation>셀이 {length:,}자입니다. 셀에는 최대 {limit:,}자까지 입력할 수 있습니다.</translation>
    </message>
    <message>
        <source>The change was not made</source>
        <translation>변경하지 못했습니다</translation>
    </message>
    <message>
        <source>The checks found no problems</source>
        <translation>점검 결과 문제가 없습니다</translation>
    </message>
    <message>
        <source>The checks of the merged plan could not run: {reason}</source>
        <translation>병합된 계획을 점검할 수 없습니다: {reason}</translation>
    </message>
    <message>
        <source>The clipboard holds no stakeholder rows.</source>
        <translation>클립보드에 이해관계자 행이 없습니다.</translation>
    </message>
    <message>
        <source>The code &apos;{code}&apos; is also the code of {other}.</source>
        <translation>코드 &apos;{code}&apos;은(는) {other}의 코드와 같습니다.</translation>
    </message>
    <message>
        <source>The comment is no longer in the plan.</source>
        <translation>해당 의견이 더 이상 계획에 없습니다.</translation>
    </message>
    <message>
        <source>The comment this replies to is not in the plan.</source>
        <translation>답하려는 의견이 계획에 없습니다.</translation>
    </message>
    <message>
        <source>The connection to the server at {url} was lost: {reason}</source>
        <translation>{url} 서버와의 연결이 끊겼습니다: {reason}</translation>
    </message>
    <message>
        <source>The connection to the server was lost during your edit; it was restored and the edit “{label}” was made.</source>
        <translation>편집 중 서버 연결이 끊겼으나 다시 연결하여 “{label}” 편집을 반영했습니다.</translation>
    </message>
    <message>
        <source>The connection to the server was lost just as your edit “{label}” was saved; the server has it, saved once.</source>
        <translation>편집 “{label}”을(를) 저장하는 순간 서버 연결이 끊겼습니다. 서버에 한 번 저장된 것을 확인했습니다.</translation>
    </message>
    <message>
        <source>The connection to the server was lost while your edit “{label}” was being saved, and the server cannot be reached to tell whether it arrived: {reason}</source>
        <translation>편집 “{label}”을(를) 저장하는 중 서버 연결이 끊겼고, 서버에 연결할 수 없어 저장 여부를 확인하지 못했습니다: {reason}</translation>
    </message>
    <message>
        <source>The content of version {version} is no longer kept.</source>
        <translation>버전 {version}의 내용은 더 이상 보관되어 있지 않습니다.</translation>
    </message>
    <message>
        <source>The copy written for saving failed its integrity check; nothing was replaced.</source>
        <translation>저장용으로 쓴 사본이 무결성 검사를 통과하지 못해 아무것도 바꾸지 않았습니다.</translation>
    </message>
    <message>
        <source>The cover has an approval box; list its columns under approval_columns.</source>
        <translation>표지에 결재란이 있습니다. approval_columns에 결재란 칸을 나열하십시오.</translation>
    </message>
    <message>
        <source>The cover shows, top to bottom:</source>
        <translation>표지에는 위에서부터 다음 항목이 표시됩니다:</translation>
    </message>
    <message>
        <source>The cover&apos;s date, approval box (결재란) columns, publication registration number and contact are edited in the inspector when the plan is selected.</source>
        <translation>표지 날짜, 결재란 칸, 발간등록번호, 연락처는 계획을 선택한 뒤 속성 창에서 편집합니다.</translation>
    </message>
    <message>
        <source>The database {database} already holds tables that &apos;cplan server init&apos; did not make ({tables}); use a new, empty database.</source>
        <translation>{database} 데이터베이스에 &apos;cplan server init&apos;이 만들지 않은 표({tables})가 이미 있습니다. 비어 있는 새 데이터베이스를 사용하십시오.</translation>
    </message>
    <message>
        <source>The database {database} already holds the plan “{title}” (published by {who}); add --replace to replace it.</source>
        <translation>{database} 데이터베이스에 이미 계획 “{title}”이(가) 있습니다(게시자: {who}). 바꾸려면 --replace를 붙이십시오.</translation>
    </message>
    <message>
        <source>The database {database} holds no plan yet; publish one with &apos;cplan server publish&apos;.</source>
        <translation>{database} 데이터베이스에 아직 계획이 없습니다. &apos;cplan server publish&apos;로 게시하십시오.</translation>
    </message>
    <message>
        <source>The database {database} holds plans in format {server}, but this app uses format {app}; use the app version that set it up.</source>
        <translation>{database} 데이터베이스의 계획 형식은 {server}이고 이 앱의 형식은 {app}입니다. 서버를 준비한 버전의 앱을 사용하십시오.</translation>
    </message>
    <message>
        <source>The database {database} is not set up for team plans; run &apos;cplan server init&apos; on it first.</source>
        <translation>{database} 데이터베이스는 팀 계획용으로 준비되지 않았습니다. 먼저 &apos;cplan server init&apos;을 실행하십시오.</translation>
    </message>
    <message>
        <source>The demo plan is not part of this installation.</source>
        <translation>이 설치본에는 예시 계획이 없습니다.</translation>
    </message>
    <message>
        <source>The dependencies form a cycle after merging: {cycle}; the links of {side} are kept.</source>
        <translation>병합하면 선후행 관계가 순환합니다: {cycle}. {side}의 연결을 유지합니다.</translation>
    </message>
    <message>
        <source>The dependencies form a cycle, so the roadmap shows the planned months without the critical path.</source>
        <translation>선후행 관계가 순환하므로 로드맵은 주경로 없이 계획된 기간으로 표시함</translation>
    </message>
    <message>
        <source>The dependencies form a cycle: {cycle}.</source>
        <translation>선후행 관계가 순환을 이룹니다: {cycle}.</translation>
    </message>
    <message>
        <source>The disk is full. The file was not changed and your edits are kept; free some space or save elsewhere.</source>
        <translation>디스크가 가득 찼습니다. 파일은 바뀌지 않았고 편집한 내용은 그대로 있습니다. 공간을 비우거나 다른 곳에 저장하십시오.</translation>
    </message>
    <message>
        <source>The edge links node &apos;{node}&apos; to itself; a stakeholder cannot have a relation with itself.</source>
        <translation>연결선이 노드 &apos;{node}&apos;을(를) 자기 자신과 잇습니다. 이해관계자는 자신과 관계를 맺을 수 없습니다.</translation>
    </message>
    <message>
        <source>The edge names no source node.</source>
        <translation>연결선에 출발 노드가 없습니다.</translation>
    </message>
    <message>
        <source>The edge names no target node.</source>
        <translation>연결선에 도착 노드가 없습니다.</translation>
    </message>
    <message>
        <source>The field &apos;{field}&apos; does not hold one value of a list; choose a text or choice field.</source>
        <translation>&apos;{field}&apos; 항목은 정해진 값 중 하나를 담는 항목이 아닙니다. 텍스트 또는 선택 항목을 지정하십시오.</translation>
    </message>
    <message>
        <source>The field is no longer in the plan.</source>
        <translation>해당 분야가 더 이상 계획에 없습니다.</translation>
    </message>
    <message>
        <source>The file cannot be opened: {reason}</source>
        <translation>파일을 열 수 없습니다: {reason}</translation>
    </message>
    <message>
        <source>The file cannot be read: {reason}</source>
        <translation>파일을 읽을 수 없습니다: {reason}</translation>
    </message>
    <message>
        <source>The file changed while it was being opened; nothing was opened. Try again.</source>
        <translation>여는 동안 파일이 바뀌어 열지 않았습니다. 다시 해 보십시오.</translation>
    </message>
    <message>
        <source>The file does not exist.</source>
        <translation>파일이 없습니다.</translation>
    </message>
    <message>
        <source>The file does not hold a JSON object.</source>
        <translation>파일에 JSON 객체가 없습니다.</translation>
    </message>
    <message>
        <source>The file holds a character a profile cannot hold (code {code}).</source>
        <translation>프로파일에 쓸 수 없는 문자가 있습니다(코드 {code}).</translation>
    </message>
    <message>
        <source>The file holds more than {count} values; a profile is much smaller.</source>
        <translation>파일에 값이 {count}개보다 많습니다. 프로파일은 이보다 훨씬 작아야 합니다.</translation>
    </message>
    <message>
        <source>The file holds no &lt;graph&gt; element.</source>
        <translation>파일에 &lt;graph&gt; 요소가 없습니다.</translation>
    </message>
    <message>
        <source>The file holds no plan record.</source>
        <translation>파일에 계획 정보가 없습니다.</translation>
    </message>
    <message>
        <source>The file is cut short (truncated); it cannot be read.</source>
        <translation>파일이 중간에 잘려 읽을 수 없습니다.</translation>
    </message>
    <message>
        <source>The file is damaged (its integrity check failed).</source>
        <translation>파일이 손상되었습니다(무결성 검사 실패).</translation>
    </message>
    <message>
        <source>The file is damaged: {reason}</source>
        <translation>파일이 손상되었습니다: {reason}</translation>
    </message>
    <message>
        <source>The file is empty (0 bytes); it holds no plan.</source>
        <translation>파일이 비어 있습니다(0 바이트). 계획이 들어 있지 않습니다.</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>파일이 비어 있습니다.</translation>
    </message>
    <message>
        <source>The file is larger than {limit} MB.</source>
        <translation>파일이 {limit}MB보다 큽니다.</translation>
    </message>
    <message>
        <source>The file is larger than {limit} bytes; a profile is a small text file.</source>
        <translation>파일이 {limit}바이트보다 큽니다. 프로파일은 작은 텍스트 파일이어야 합니다.</translation>
    </message>
    <message>
        <source>The file is nested too deeply to be a profile.</source>
        <translation>파일의 중첩이 너무 깊어 프로파일로 읽을 수 없습니다.</translation>
    </message>
    <message>
        <source>The file is not UTF-8 text; save it as UTF-8.</source>
        <translation>UTF-8 텍스트 파일이 아닙니다. UTF-8로 저장하십시오.</translation>
    </message>
    <message>
        <source>The file is not valid JSON: it is nested too deeply.</source>
        <translation>올바른 JSON 파일이 아닙니다: 중첩이 너무 깊습니다.</translation>
    </message>
    <message>
        <source>The file is not valid JSON: {problem} at line {line}, column {column}.</source>
        <translation>올바른 JSON 파일이 아닙니다: {line}행 {column}열에서 {problem}.</translation>
    </message>
    <message>
        <source>The file is not valid JSON: {problem}.</source>
        <translation>올바른 JSON 파일이 아닙니다: {problem}.</translation>
    </message>
    <message>
        <source>The file is not valid UTF-16 text (byte {offset}).</source>
        <translation>올바른 UTF-16 텍스트가 아닙니다({offset}번째 바이트).</translation>
    </message>
    <message>
        <source>The file is not valid UTF-8 text (byte {offset}).</source>
        <translation>올바른 UTF-8 텍스트 파일이 아닙니다({offset}번째 바이트).</translation>
    </message>
    <message>
        <source>The file is not valid YAML: {problem}</source>
        <translation>올바른 YAML 파일이 아닙니다: {problem}</translation>
    </message>
    <message>
        <source>The file is read-only.</source>
        <translation>파일이 읽기 전용입니다.</translation>
    </message>
    <message>
        <source>The file mixes encodings: UTF-8 on line(s) {utf8}, CP949/EUC-KR on line(s) {cp949}; save it again in one encoding (CSV UTF-8).</source>
        <translation>파일에 인코딩이 섞여 있습니다: {utf8}행은 UTF-8, {cp949}행은 CP949/EUC-KR입니다. 하나의 인코딩(CSV UTF-8)으로 다시 저장하십시오.</translation>
    </message>
    <message>
        <source>The file mixes encodings: it starts as UTF-8 (with a BOM) but line(s) {lines} are CP949/EUC-KR; save it again in one encoding (CSV UTF-8).</source>
        <translation>파일에 인코딩이 섞여 있습니다: UTF-8(BOM 포함)로 시작하지만 {lines}행은 CP949/EUC-KR입니다. 하나의 인코딩(CSV UTF-8)으로 다시 저장하십시오.</translation>
    </message>
    <message>
        <source>The file must hold exactly one plan row, not {count}.</source>
        <translation>파일에는 계획 행이 정확히 하나 있어야 합니다({count}개 있음).</translation>
    </message>
    <message>
        <source>The file or its folder is read-only. The file was not changed and your edits are kept; use Save As.</source>
        <translation>파일이나 폴더가 읽기 전용입니다. 파일은 바뀌지 않았고 편집한 내용은 그대로 있습니다. &apos;다른 이름으로 저장&apos;을 쓰십시오.</translation>
    </message>
    <message>
        <source>The file would exceed the size this disk allows. The file was not changed and your edits are kept.</source>
        <translation>이 디스크가 허용하는 파일 크기를 넘습니다. 파일은 바뀌지 않았고 편집한 내용은 그대로 있습니다.</translation>
    </message>
    <message>
        <source>The first page of the document. Its text comes from the plan&apos;s details.</source>
        <translation>문서의 첫 페이지입니다. 표지의 내용은 계획 정보에서 가져옵니다.</translation>
    </message>
    <message>
        <source>The folder does not allow a lock file, so the plan opened read-only.</source>
        <translation>폴더에 잠금 파일을 만들 수 없어 읽기 전용으로 열었습니다.</translation>
    </message>
    <message>
        <source>The folder holding the file is read-only.</source>
        <translation>파일이 있는 폴더가 읽기 전용입니다.</translation>
    </message>
    <message>
        <source>The folder {folder} does not exist.</source>
        <translation>{folder} 폴더가 없습니다.</translation>
    </message>
    <message>
        <source>The folder {folder} is read-only.</source>
        <translation>{folder} 폴더가 읽기 전용입니다.</translation>
    </message>
    <message>
        <source>The format must be &apos;{format}&apos;.</source>
        <translation>format은 &apos;{format}&apos;이어야 합니다.</translation>
    </message>
    <message>
        <source>The grid snapshot is no longer in the plan.</source>
        <translation>해당 그리드 스냅숏이 더 이상 계획에 없습니다.</translation>
    </message>
    <message>
        <source>The guideline checks could not run: {reason}</source>
        <translation>지침 점검을 실행할 수 없습니다: {reason}</translation>
    </message>
    <message>
        <source>The guideline profile the document follows</source>
        <translation>문서가 따르는 작성 지침</translation>
    </message>
    <message>
        <source>The guideline the plan is written for; changing it can be undone</source>
        <translation>계획이 따르는 작성 지침입니다. 변경은 실행 취소할 수 있습니다</translation>
    </message>
    <message>
        <source>The id &apos;{id}&apos; is already used by {file}.</source>
        <translation>ID &apos;{id}&apos;은(는) {file}에서 이미 쓰고 있습니다.</translation>
    </message>
    <message>
        <source>The id &apos;{id}&apos; is not valid: use 2 to 80 lower-case letters, digits and hyphens, starting with a letter.</source>
        <translation>ID &apos;{id}&apos;은(는) 올바르지 않습니다. 영문 소문자로 시작하는 2~80자의 영문 소문자, 숫자, 하이픈(-)을 사용하십시오.</translation>
    </message>
    <message>
        <source>The id &apos;{id}&apos; is the id of a built-in profile; give the copy its own id.</source>
        <translation>ID &apos;{id}&apos;은(는) 기본 제공 프로파일의 ID입니다. 복사본에는 고유한 ID를 지정하십시오.</translation>
    </message>
    <message>
        <source>The id {id} is already used by {kind} row {row}.</source>
        <translation>ID {id}은(는) 이미 {kind} {row}번 행에서 사용 중입니다.</translation>
    </message>
    <message>
        <source>The initiative is no longer in the plan.</source>
        <translation>해당 과제가 더 이상 계획에 없습니다.</translation>
    </message>
    <message>
        <source>The initiative&apos;s texts are written in the plan&apos;s language ({language}).</source>
        <translation>과제 내용은 계획의 언어({language})로 작성됩니다.</translation>
    </message>
    <message>
        <source>The interface will be in {language} from the next start of Convergence Planner.</source>
        <translation>Convergence Planner를 다음에 시작할 때부터 화면이 {language}(으)로 표시됩니다.</translation>
    </message>
    <message>
        <source>The key &apos;{key}&apos; appears twice (first on line {line}).</source>
        <translation>키 &apos;{key}&apos;이(가) 두 번 나옵니다(처음은 {line}행).</translation>
    </message>
    <message>
        <source>The key &apos;{key}&apos; is missing.</source>
        <translation>키 &apos;{key}&apos;이(가) 없습니다.</translation>
    </message>
    <message>
        <source>The label matches {count} stakeholders in the plan; give the node the id of the one meant.</source>
        <translation>이름표가 계획의 이해관계자 {count}명과 일치합니다. 해당 이해관계자의 id를 노드 id로 지정하십시오.</translation>
    </message>
    <message>
        <source>The language of menus, views and messages</source>
        <translation>메뉴, 보기, 메시지에 쓰는 언어</translation>
    </message>
    <message>
        <source>The language of the messages; it follows the profile until you choose one</source>
        <translation>점검 메시지의 언어입니다. 직접 고르기 전에는 작성 지침의 언어를 따릅니다</translation>
    </message>
    <message>
        <source>The language the document is written in</source>
        <translation>문서를 작성할 언어</translation>
    </message>
    <message>
        <source>The last year comes before the first year.</source>
        <translation>종료 연도가 시작 연도보다 앞섭니다.</translation>
    </message>
    <message>
        <source>The layout failed: {error}</source>
        <translation>배치하지 못했습니다: {error}</translation>
    </message>
    <message>
        <source>The licence text of {name} cannot be read ({path}): {reason}</source>
        <translation>{name}의 라이선스 전문을 읽을 수 없습니다({path}): {reason}</translation>
    </message>
    <message>
        <source>The lines differ from the declared totals in {count} cells, e.g. {year} {source}: declared {declared}, lines {lines}.</source>
        <translation>예산 항목의 합이 확정 총액과 {count}개 칸에서 다릅니다. 예: {year}년 {source} 확정 {declared}, 항목 합계 {lines}.</translation>
    </message>
    <message>
        <source>The list is empty.</source>
        <translation>목록이 비어 있습니다.</translation>
    </message>
    <message>
        <source>The list of third-party licences cannot be read ({path}): {reason}</source>
        <translation>오픈소스 라이선스 목록을 읽을 수 없습니다({path}): {reason}</translation>
    </message>
    <message>
        <source>The list of third-party licences is damaged ({path}).</source>
        <translation>오픈소스 라이선스 목록이 손상되었습니다({path}).</translation>
    </message>
    <message>
        <source>The merge introduced no new guideline errors, warnings or schedule findings.</source>
        <translation>병합으로 새로 생긴 지침 오류·경고나 일정 점검 결과가 없습니다.</translation>
    </message>
    <message>
        <source>The merge stopped.</source>
        <translation>병합이 중단되었습니다.</translation>
    </message>
    <message>
        <source>The merged plan cannot be scheduled: {reason}</source>
        <translation>병합한 계획의 일정을 계산할 수 없습니다: {reason}</translation>
    </message>
    <message>
        <source>The merged plan failed its checks, so nothing was written: {problems}</source>
        <translation>병합된 계획이 검사를 통과하지 못해 아무것도 저장하지 않았습니다: {problems}</translation>
    </message>
    <message>
        <source>The merged plan has {count} guideline errors (see Checks after applying):
{lines}</source>
        <translation>병합한 계획에 지침 오류가 {count}건 있습니다(적용 후 점검 화면에서 확인):
{lines}</translation>
    </message>
    <message>
        <source>The narrative &apos;{key}&apos; is used by two sections (first on line {line}).</source>
        <translation>서술 &apos;{key}&apos;을(를) 두 절에서 쓰고 있습니다(처음은 {line}행).</translation>
    </message>
    <message>
        <source>The narrative key &apos;{key}&apos; is not valid: use lower-case letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;, starting with a letter.</source>
        <translation>서술 키 &apos;{key}&apos;은(는) 올바르지 않습니다. 영문 소문자로 시작하고 영문 소문자, 숫자, &apos;.&apos;, &apos;_&apos;, &apos;-&apos;만 사용하십시오.</translation>
    </message>
    <message>
        <source>The node has no id.</source>
        <translation>노드에 id가 없습니다.</translation>
    </message>
    <message>
        <source>The node has no label; a stakeholder needs a name.</source>
        <translation>노드에 이름표(label)가 없습니다. 이해관계자에게는 이름이 필요합니다.</translation>
    </message>
    <message>
        <source>The open plan and {file} have no common saved version to merge from ({reason}). Choose the file both started from.</source>
        <translation>열린 계획과 {file}에 병합의 기준이 될 공통 저장 버전이 없습니다({reason}). 두 계획이 출발한 파일을 고르십시오.</translation>
    </message>
    <message>
        <source>The package failed its checks, so nothing was written: {problems}</source>
        <translation>패키지가 검사를 통과하지 못해 아무것도 쓰지 않았습니다: {problems}</translation>
    </message>
    <message>
        <source>The part is encrypted; save the workbook without a password.</source>
        <translation>암호화된 구성 요소입니다. 암호 없이 통합문서를 저장하십시오.</translation>
    </message>
    <message>
        <source>The part unpacks to {size:,} MB from {packed:,} bytes (more than {ratio}:1); it is refused as a zip bomb.</source>
        <translation>{packed:,}바이트가 {size:,}MB로 풀리는 구성 요소입니다({ratio}:1 초과). 압축 폭탄(zip bomb)으로 판단하여 가져오지 않습니다.</translation>
    </message>
    <message>
        <source>The password is not stored unless you choose the system keyring.</source>
        <translation>시스템 키링을 선택하지 않으면 비밀번호를 저장하지 않습니다.</translation>
    </message>
    <message>
        <source>The password is not stored; you type it each time you open the plan.</source>
        <translation>비밀번호는 저장하지 않으며, 계획을 열 때마다 입력합니다.</translation>
    </message>
    <message>
        <source>The plan as a whole</source>
        <translation>계획 전체</translation>
    </message>
    <message>
        <source>The plan could not be checked: {reason}</source>
        <translation>계획을 점검할 수 없습니다: {reason}</translation>
    </message>
    <message>
        <source>The plan could not be copied for editing: {reason}</source>
        <translation>편집용 사본을 만들지 못했습니다: {reason}</translation>
    </message>
    <message>
        <source>The plan could not be copied for the PDF: {reason}</source>
        <translation>PDF를 만들기 위해 계획을 복사하지 못했습니다: {reason}</translation>
    </message>
    <message>
        <source>The plan could not be copied for this work: {reason}</source>
        <translation>작업을 위해 계획을 복사하지 못했습니다: {reason}</translation>
    </message>
    <message>
        <source>The plan declares no budget totals; the budget summary uses the sums of the budget lines</source>
        <translation>계획에 예산 총액이 없어 예산 요약에 예산 항목의 합계를 사용함</translation>
    </message>
    <message>
        <source>The plan declares no totals yet: its summary table shows the sums of the lines.</source>
        <translation>계획에 확정된 총액이 아직 없습니다. 총괄표에는 예산 항목의 합계가 표시됩니다.</translation>
    </message>
    <message>
        <source>The plan file is of an older format; open and save it in the app first.</source>
        <translation>이전 형식의 계획 파일입니다. 먼저 앱에서 열어 저장하십시오.</translation>
    </message>
    <message>
        <source>The plan had never been saved.</source>
        <translation>한 번도 저장하지 않은 계획입니다.</translation>
    </message>
    <message>
        <source>The plan has changed since this preview was built.</source>
        <translation>미리 보기를 만든 뒤 계획이 바뀌었습니다.</translation>
    </message>
    <message>
        <source>The plan has never been saved, so there is nothing to revert to.</source>
        <translation>이 계획은 저장된 적이 없어 되돌릴 저장본이 없습니다.</translation>
    </message>
    <message>
        <source>The plan has no AI initiatives.</source>
        <translation>AI 기술을 활용하는 추진과제가 없음.</translation>
    </message>
    <message>
        <source>The plan has no KPI with a baseline or target yet, so there is no KPI chart.</source>
        <translation>기준값이나 목표값이 있는 성과지표가 없어 성과지표 그래프를 작성하지 않음</translation>
    </message>
    <message>
        <source>The plan has no baselines yet.</source>
        <translation>아직 저장된 기준 계획이 없습니다.</translation>
    </message>
    <message>
        <source>The plan has no field with the code {code} (fields: {codes}).</source>
        <translation>계획에 번호가 {code}인 분야가 없습니다(분야: {codes}).</translation>
    </message>
    <message>
        <source>The plan has no fields.</source>
        <translation>계획에 분야가 없습니다.</translation>
    </message>
    <message>
        <source>The plan has no file yet; choose where to save it.</source>
        <translation>이 계획은 아직 파일이 없습니다. 저장할 곳을 고르십시오.</translation>
    </message>
    <message>
        <source>The plan has no history yet.</source>
        <translation>이 계획에는 아직 변경 이력이 없습니다.</translation>
    </message>
    <message>
        <source>The plan has no initiatives yet, so there is no roadmap.</source>
        <translation>추진과제가 없어 로드맵을 작성하지 않음</translation>
    </message>
    <message>
        <source>The plan has no initiatives yet.</source>
        <translation>계획에 아직 과제가 없습니다.</translation>
    </message>
    <message>
        <source>The plan has no stakeholders yet, so there is no stakeholder grid.</source>
        <translation>이해관계자가 없어 이해관계자 매트릭스를 작성하지 않음</translation>
    </message>
    <message>
        <source>The plan has no stakeholders yet, so there is no stakeholder network.</source>
        <translation>이해관계자가 없어 이해관계자 네트워크를 작성하지 않음</translation>
    </message>
    <message>
        <source>The plan has no stakeholders yet.</source>
        <translation>계획에 아직 이해관계자가 없습니다.</translation>
    </message>
    <message>
        <source>The plan has no version {version}.</source>
        <translation>계획에 {version} 버전이 없습니다.</translation>
    </message>
    <message>
        <source>The plan has {count} errors under the profile “{profile}”. A PDF with errors can only be exported as a draft, marked “초안 / DRAFT” on every page.</source>
        <translation>“{profile}” 작성 지침으로 점검한 결과 오류가 {count}건 있습니다. 오류가 있는 계획은 모든 쪽에 “초안 / DRAFT” 표시를 넣은 초안으로만 내보낼 수 있습니다.</translation>
    </message>
    <message>
        <source>The plan is closed.</source>
        <translation>계획이 닫혔습니다.</translation>
    </message>
    <message>
        <source>The plan is on a network drive ({path}). File locking there is unreliable, so two people editing it can overwrite each other&apos;s work; copy it to this computer, or use a team plan.</source>
        <translation>계획이 네트워크 드라이브({path})에 있습니다. 그곳에서는 파일 잠금을 믿을 수 없어 두 사람이 함께 편집하면 서로의 작업을 덮어쓸 수 있습니다. 이 컴퓨터로 복사하거나 팀 계획을 쓰십시오.</translation>
    </message>
    <message>
        <source>The plan is on a network share ({path}). File locking there is unreliable, so two people editing it can overwrite each other&apos;s work; copy it to this computer, or use a team plan.</source>
        <translation>계획이 네트워크 공유 폴더({path})에 있습니다. 그곳에서는 파일 잠금을 믿을 수 없어 두 사람이 함께 편집하면 서로의 작업을 덮어쓸 수 있습니다. 이 컴퓨터로 복사하거나 팀 계획을 쓰십시오.</translation>
    </message>
    <message>
        <source>The plan is on a network share ({path}, {filesystem}). File locking there is unreliable, so two people editing it can overwrite each other&apos;s work; copy it to this computer, or use a team plan.</source>
        <translation>계획이 네트워크 공유 폴더({path}, {filesystem})에 있습니다. 그곳에서는 파일 잠금을 믿을 수 없어 두 사람이 함께 편집하면 서로의 작업을 덮어쓸 수 있습니다. 이 컴퓨터로 복사하거나 팀 계획을 쓰십시오.</translation>
    </message>
    <message>
        <source>The plan names the guideline profile “{id}”, which is not installed here; it is checked against “{name}” instead.</source>
        <translation>계획에 지정된 작성 지침 “{id}”이(가) 설치되어 있지 않아 “{name}” 기준으로 점검합니다.</translation>
    </message>
    <message>
        <source>The plan period has the length the profile expects</source>
        <translation>계획 기간이 지침이 정한 길이임</translation>
    </message>
    <message>
        <source>The plan period {first}–{last} is {years} years; the profile expects at least {limit} years</source>
        <translation>계획 기간 {first}~{last}년은 {years}년으로 지침의 최소 {limit}년보다 짧음</translation>
    </message>
    <message>
        <source>The plan period {first}–{last} is {years} years; the profile expects at most {limit} years</source>
        <translation>계획 기간 {first}~{last}년은 {years}년으로 지침의 최대 {limit}년보다 긺</translation>
    </message>
    <message>
        <source>The plan was converted to the current file format. The original was kept as {backup}.</source>
        <translation>계획을 현재 파일 형식으로 변환했습니다. 원본은 {backup}(으)로 보관했습니다.</translation>
    </message>
    <message>
        <source>The plan will be converted to the current file format when it is opened.</source>
        <translation>이 계획은 열 때 현재 파일 형식으로 변환됩니다.</translation>
    </message>
    <message>
        <source>The plan&apos;s guideline profile could not be read: {error}</source>
        <translation>계획의 지침 프로파일을 읽지 못했습니다: {error}</translation>
    </message>
    <message>
        <source>The plan&apos;s guideline profile “{id}” cannot be read (see above); it is checked against “{name}” until the file is fixed.</source>
        <translation>계획의 작성 지침 “{id}”을(를) 읽을 수 없어(위 메시지 참조) 파일을 고칠 때까지 “{name}” 기준으로 점검합니다.</translation>
    </message>
    <message>
        <source>The position {value} is outside 0–1.</source>
        <translation>위치 {value}이(가) 0–1 범위를 벗어납니다.</translation>
    </message>
    <message>
        <source>The preview failed: {reason}</source>
        <translation>미리 보기를 만들지 못했습니다: {reason}</translation>
    </message>
    <message>
        <source>The printer could not be started.</source>
        <translation>프린터를 시작하지 못했습니다.</translation>
    </message>
    <message>
        <source>The printer refused a new page after {count} pages.</source>
        <translation>프린터가 {count}쪽을 인쇄한 뒤 다음 쪽을 받지 않았습니다.</translation>
    </message>
    <message>
        <source>The privacy-impact-assessment flag is set where the thresholds are met</source>
        <translation>기준에 해당하는 과제에 개인정보 영향평가 표시가 있음</translation>
    </message>
    <message>
        <source>The profile could not be written to {file}: {reason}</source>
        <translation>프로파일을 {file}에 쓸 수 없습니다: {reason}</translation>
    </message>
    <message>
        <source>The programme&apos;s national share and yearly cap are respected</source>
        <translation>사업의 국비 비율과 연간 상한을 지킴</translation>
    </message>
    <message>
        <source>The recovered copy cannot be read: {reason}</source>
        <translation>복구한 사본을 읽을 수 없습니다: {reason}</translation>
    </message>
    <message>
        <source>The roadmap follows on landscape pages.</source>
        <translation>로드맵은 다음 가로 쪽에 수록함</translation>
    </message>
    <message>
        <source>The same {kind} is already in {where}.</source>
        <translation>같은 {kind}이(가) 이미 {where}에 있습니다.</translation>
    </message>
    <message>
        <source>The section key &apos;{key}&apos; is not valid: use lower-case letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;, starting with a letter.</source>
        <translation>절 키 &apos;{key}&apos;은(는) 올바르지 않습니다. 영문 소문자로 시작하고 영문 소문자, 숫자, &apos;.&apos;, &apos;_&apos;, &apos;-&apos;만 사용하십시오.</translation>
    </message>
    <message>
        <source>The section key &apos;{key}&apos; is used twice (first on line {line}).</source>
        <translation>절 키 &apos;{key}&apos;이(가) 두 번 쓰였습니다(처음은 {line}행).</translation>
    </message>
    <message>
        <source>The server at {url} has no database named {database}.</source>
        <translation>{url} 서버에 {database} 데이터베이스가 없습니다.</translation>
    </message>
    <message>
        <source>The server at {url} refused the login: {reason}</source>
        <translation>{url} 서버가 로그인을 거부했습니다: {reason}</translation>
    </message>
    <message>
        <source>The server at {url} refused this: {reason}. Your database role does not allow it; see the roles in docs/team-mode.md.</source>
        <translation>{url} 서버가 거부했습니다: {reason}. 데이터베이스 역할에 이 권한이 없습니다. docs/team-mode.md의 역할 설명을 확인하십시오.</translation>
    </message>
    <message>
        <source>The server at {url} reported an error: {reason}</source>
        <translation>{url} 서버에서 오류가 발생했습니다: {reason}</translation>
    </message>
    <message>
        <source>The sheet has cells beyond column {limit}; at most {limit} columns are read.</source>
        <translation>시트에 {limit}번째 열을 넘는 셀이 있습니다. 최대 {limit}개 열까지만 읽습니다.</translation>
    </message>
    <message>
        <source>The sheet has more than {limit:,} rows; it is not read further.</source>
        <translation>시트가 {limit:,}행을 넘습니다. 이후는 읽지 않습니다.</translation>
    </message>
    <message>
        <source>The sheet has no column for {column}; its rows cannot be matched or added without it.</source>
        <translation>시트에 {column} 열이 없습니다. 이 열이 없으면 행을 대응하거나 추가할 수 없습니다.</translation>
    </message>
    <message>
        <source>The sheet has no column {column}.</source>
        <translation>시트에 {column} 열이 없습니다.</translation>
    </message>
    <message>
        <source>The sheet {sheet} has no column headed &apos;{header}&apos;.</source>
        <translation>{sheet} 시트에 제목이 &apos;{header}&apos;인 열이 없습니다.</translation>
    </message>
    <message>
        <source>The stakeholder is no longer in the plan.</source>
        <translation>해당 이해관계자가 더 이상 계획에 없습니다.</translation>
    </message>
    <message>
        <source>The system keyring did not keep the password; you will type it next time.</source>
        <translation>시스템 키링에 비밀번호를 저장하지 못했습니다. 다음에 다시 입력하십시오.</translation>
    </message>
    <message>
        <source>The team plan&apos;s server cannot be reached; the plan shown may not be up to date.</source>
        <translation>팀 계획 서버에 연결할 수 없습니다. 화면의 계획이 최신이 아닐 수 있습니다.</translation>
    </message>
    <message>
        <source>The team plan&apos;s server cannot be reached; whether your last edit was saved is not known.</source>
        <translation>팀 계획 서버에 연결할 수 없습니다. 마지막 편집의 저장 여부를 확인하지 못했습니다.</translation>
    </message>
    <message>
        <source>The team plan&apos;s server cannot be reached; your last edit was not made.</source>
        <translation>팀 계획 서버에 연결할 수 없어 마지막 편집을 반영하지 못했습니다.</translation>
    </message>
    <message>
        <source>The template catalogue is not valid:</source>
        <translation>서비스 템플릿 목록이 올바르지 않습니다:</translation>
    </message>
    <message>
        <source>The template catalogue {source} is not valid:</source>
        <translation>서비스 템플릿 목록 {source}이(가) 올바르지 않습니다:</translation>
    </message>
    <message>
        <source>The text could not be stored: {error}</source>
        <translation>본문을 저장하지 못했습니다: {error}</translation>
    </message>
    <message>
        <source>The thread is already open.</source>
        <translation>이미 미해결 상태인 의견입니다.</translation>
    </message>
    <message>
        <source>The thread is already resolved.</source>
        <translation>이미 해결된 의견입니다.</translation>
    </message>
    <message>
        <source>The two files share no saved version.</source>
        <translation>두 파일에 공통으로 저장된 버전이 없습니다.</translation>
    </message>
    <message>
        <source>The two files share versions, but neither keeps the content of one any more.</source>
        <translation>두 파일에 공통 버전이 있지만, 어느 파일에도 그 버전의 내용이 더 이상 남아 있지 않습니다.</translation>
    </message>
    <message>
        <source>The typeface of Korean text on screen, in charts and in PDF reports.</source>
        <translation>화면, 차트, PDF 보고서의 한글 글꼴입니다.</translation>
    </message>
    <message>
        <source>The value must be at least {minimum}.</source>
        <translation>값은 {minimum} 이상이어야 합니다.</translation>
    </message>
    <message>
        <source>The value must be between {minimum} and {maximum}.</source>
        <translation>값은 {minimum}에서 {maximum} 사이여야 합니다.</translation>
    </message>
    <message>
        <source>The whole plan was replaced (an import).</source>
        <translation>계획 전체가 교체되었습니다(가져오기).</translation>
    </message>
    <message>
        <source>The whole plan was replaced; this entry lists the first {shown} changed rows it kept.</source>
        <translation>계획 전체가 교체되었습니다. 기록된 변경 중 처음 {shown}건만 표시합니다.</translation>
    </message>
    <message>
        <source>The workbook cannot be read: {problem}.</source>
        <translation>통합문서를 읽을 수 없습니다: {problem}.</translation>
    </message>
    <message>
        <source>The workbook has no sheet named &apos;{sheet}&apos;; its sheets are: {sheets}.</source>
        <translation>통합문서에 &apos;{sheet}&apos; 시트가 없습니다. 시트 목록: {sheets}.</translation>
    </message>
    <message>
        <source>The workbook holds {count:,} parts; at most {limit:,} are read.</source>
        <translation>통합문서의 구성 요소가 {count:,}개입니다. 최대 {limit:,}개까지만 읽습니다.</translation>
    </message>
    <message>
        <source>The workbook would unpack to {size:,} MB; at most {limit:,} MB are read.</source>
        <translation>통합문서의 압축을 풀면 {size:,}MB입니다. 최대 {limit:,}MB까지만 읽습니다.</translation>
    </message>
    <message>
        <source>The workbook&apos;s XML declares entities or a DTD ({problem}); such files are refused.</source>
        <translation>통합문서의 XML에 엔터티 또는 DTD 선언이 있습니다({problem}). 이러한 파일은 가져오지 않습니다.</translation>
    </message>
    <message>
        <source>The workbook&apos;s zip archive is damaged: {problem}.</source>
        <translation>통합문서의 zip 압축이 손상되었습니다: {problem}.</translation>
    </message>
    <message>
        <source>The workshop round is no longer in the plan.</source>
        <translation>해당 워크숍 라운드가 더 이상 계획에 없습니다.</translation>
    </message>
    <message>
        <source>The zip archive holds no Excel workbook (xl/workbook.xml is missing).</source>
        <translation>zip 압축 파일에 Excel 통합문서가 없습니다(xl/workbook.xml 없음).</translation>
    </message>
    <message>
        <source>The {kind} is no longer in the plan.</source>
        <translation>해당 {kind}이(가) 더 이상 계획에 없습니다.</translation>
    </message>
    <message>
        <source>The {kind} you edited is no longer in the plan.</source>
        <translation>편집한 {kind}이(가) 더 이상 계획에 없습니다.</translation>
    </message>
    <message>
        <source>The {target_kind} {target} is deleted on both sides.</source>
        <translation>{target_kind} {target}은(는) 양쪽 모두에서 삭제되었습니다.</translation>
    </message>
    <message>
        <source>Theirs</source>
        <translation>상대 쪽</translation>
    </message>
    <message>
        <source>Theirs (file)</source>
        <translation>상대 쪽(파일)</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>테마</translation>
    </message>
    <message>
        <source>Theme:</source>
        <translation>테마:</translation>
    </message>
    <message>
        <source>There are no comments.</source>
        <translation>의견이 없습니다.</translation>
    </message>
    <message>
        <source>There are no stakeholders to add.</source>
        <translation>추가할 이해관계자가 없습니다.</translation>
    </message>
    <message>
        <source>There are no unresolved comments.</source>
        <translation>미해결 의견이 없습니다.</translation>
    </message>
    <message>
        <source>There are no workshop ratings to clear.</source>
        <translation>초기화할 워크숍 평가가 없습니다.</translation>
    </message>
    <message>
        <source>There is already a baseline named &apos;{name}&apos;.</source>
        <translation>&apos;{name}&apos;(이)라는 기준 계획이 이미 있습니다.</translation>
    </message>
    <message>
        <source>There is already a grid snapshot named &apos;{name}&apos;.</source>
        <translation>&apos;{name}&apos;(이)라는 그리드 스냅숏이 이미 있습니다.</translation>
    </message>
    <message>
        <source>There is already a profile with the id &apos;{id}&apos;.</source>
        <translation>ID가 &apos;{id}&apos;인 프로파일이 이미 있습니다.</translation>
    </message>
    <message>
        <source>There is already a workshop round named &apos;{name}&apos;.</source>
        <translation>&apos;{name}&apos;(이)라는 워크숍 라운드가 이미 있습니다.</translation>
    </message>
    <message>
        <source>There is no baseline named &apos;{name}&apos;.</source>
        <translation>&apos;{name}&apos;(이)라는 기준 계획이 없습니다.</translation>
    </message>
    <message>
        <source>There is no grid snapshot named &apos;{name}&apos;.</source>
        <translation>&apos;{name}&apos;(이)라는 그리드 스냅숏이 없습니다.</translation>
    </message>
    <message>
        <source>There is no guideline profile &apos;{id}&apos;; the profiles are: {ids}.</source>
        <translation>지침 프로파일 &apos;{id}&apos;이(가) 없습니다. 사용할 수 있는 프로파일: {ids}.</translation>
    </message>
    <message>
        <source>There is no initiative with the code {code}.</source>
        <translation>코드가 {code}인 과제가 없습니다.</translation>
    </message>
    <message>
        <source>There is no presentation theme &apos;{name}&apos;; choose one of: {names}.</source>
        <translation>발표 테마 &apos;{name}&apos;은(는) 없습니다. 다음 중에서 선택하십시오: {names}.</translation>
    </message>
    <message>
        <source>There is no slide {number}; the presentation has {count} slides.</source>
        <translation>{number}번 슬라이드는 없습니다. 발표 자료의 슬라이드는 {count}장입니다.</translation>
    </message>
    <message>
        <source>There is no template &apos;{id}&apos;.</source>
        <translation>&apos;{id}&apos; 템플릿이 없습니다.</translation>
    </message>
    <message>
        <source>There is no unresolved conflict {key}.</source>
        <translation>미해결 충돌 {key}이(가) 없습니다.</translation>
    </message>
    <message>
        <source>These dependencies form a cycle: {cycle}.</source>
        <translation>선후행 관계가 순환합니다: {cycle}.</translation>
    </message>
    <message>
        <source>These guideline profile files cannot be used; fix them in a text editor:</source>
        <translation>다음 작성 지침 파일을 사용할 수 없습니다. 텍스트 편집기로 수정하십시오:</translation>
    </message>
    <message>
        <source>These profile files cannot be used:</source>
        <translation>다음 프로파일 파일은 사용할 수 없습니다:</translation>
    </message>
    <message>
        <source>These will no longer refer to it:</source>
        <translation>다음 항목의 연결이 해제됩니다:</translation>
    </message>
    <message>
        <source>Third-party components</source>
        <translation>외부 구성요소</translation>
    </message>
    <message>
        <source>Third-party licences</source>
        <translation>오픈소스 라이선스</translation>
    </message>
    <message>
        <source>This also deletes:</source>
        <translation>다음 항목도 함께 삭제됩니다:</translation>
    </message>
    <message>
        <source>This build has no demo plan.</source>
        <translation>이 설치본에는 예시 계획이 없습니다.</translation>
    </message>
    <message>
        <source>This chapter holds:</source>
        <translation>이 장의 구성:</translation>
    </message>
    <message>
        <source>This entry lists the first {shown} of {total} changed rows; the counts cover them all.</source>
        <translation>변경된 {total}건 중 처음 {shown}건만 표시합니다. 건수는 전체 기준입니다.</translation>
    </message>
    <message>
        <source>This field is no longer in the plan.</source>
        <translation>이 분야는 더 이상 계획에 없습니다.</translation>
    </message>
    <message>
        <source>This file is no longer at {path}.</source>
        <translation>이 파일이 더 이상 {path}에 없습니다.</translation>
    </message>
    <message>
        <source>This file is no longer at {path}. Remove it from the list?</source>
        <translation>이 파일이 더 이상 {path}에 없습니다. 목록에서 뺄까요?</translation>
    </message>
    <message>
        <source>This installation of Convergence Planner was built without team plans (build option CPLAN_BUNDLE_TEAM=0), so it cannot open a plan on a server. Install the standard installer, which includes them.</source>
        <translation>이 Convergence Planner 설치본은 팀 계획 기능 없이 만들어졌습니다(빌드 옵션 CPLAN_BUNDLE_TEAM=0). 따라서 서버의 계획을 열 수 없습니다. 팀 계획 기능이 포함된 표준 설치 파일로 설치하십시오.</translation>
    </message>
    <message>
        <source>This is a draft: the checks of this profile find {count} errors. Export refuses a PDF with errors unless you export it as a draft, which carries the “초안 / DRAFT” watermark on every page, as shown here. Fix the errors to get the final document.</source>
        <translation>초안입니다. 이 작성 지침으로 점검한 결과 오류가 {count}건 있습니다. 오류가 있으면 PDF를 내보낼 수 없으며, 초안으로 내보내면 여기 보이는 것처럼 모든 쪽에 “초안 / DRAFT” 워터마크가 들어갑니다. 오류를 고치면 최종 문서를 만들 수 있습니다.</translation>
    </message>
    <message>
        <source>This is a folder, not a plan file.</source>
        <translation>계획 파일이 아니라 폴더입니다.</translation>
    </message>
    <message>
        <source>This is a zip archive (an XLSX workbook?), not CSV text; save it as .xlsx or export it as CSV.</source>
        <translation>zip 압축 파일(XLSX 통합문서?)이며 CSV 텍스트가 아닙니다. 확장자를 .xlsx로 저장하거나 CSV로 내보내십시오.</translation>
    </message>
    <message>
        <source>This is an old-style .xls workbook or a password-protected one; save it as an .xlsx workbook without a password.</source>
        <translation>이전 형식(.xls) 통합문서이거나 암호가 설정된 통합문서입니다. 암호 없이 .xlsx 통합문서로 저장하십시오.</translation>
    </message>
    <message>
        <source>This is not a Convergence Planner plan file (&quot;format&quot; must be &quot;{name}&quot;).</source>
        <translation>Convergence Planner 계획 파일이 아닙니다(&quot;format&quot;은 &quot;{name}&quot;이어야 합니다).</translation>
    </message>
    <message>
        <source>This is not a GanttProject file: its root element is &lt;{name}&gt;, not &lt;project&gt;.</source>
        <translation>GanttProject 파일이 아닙니다. 최상위 요소가 &lt;project&gt;가 아니라 &lt;{name}&gt;입니다.</translation>
    </message>
    <message>
        <source>This is not a GraphML file: its root element is &lt;{tag}&gt;, not &lt;graphml&gt;.</source>
        <translation>GraphML 파일이 아닙니다. 최상위 요소가 &lt;graphml&gt;이 아니라 &lt;{tag}&gt;입니다.</translation>
    </message>
    <message>
        <source>This is not a Microsoft Project XML file: its root element is &lt;{name}&gt;, not &lt;Project&gt; of {namespace}.</source>
        <translation>Microsoft Project XML 파일이 아닙니다. 최상위 요소가 {namespace}의 &lt;Project&gt;가 아니라 &lt;{name}&gt;입니다.</translation>
    </message>
    <message>
        <source>This is not an XLSX workbook (it is not a zip archive).</source>
        <translation>XLSX 통합문서가 아닙니다(zip 압축 파일이 아님).</translation>
    </message>
    <message>
        <source>This is not an XLSX workbook but text (a CSV file renamed .xlsx?); name it .csv.</source>
        <translation>XLSX 통합문서가 아니라 텍스트입니다(확장자만 .xlsx로 바꾼 CSV 파일?). 확장자를 .csv로 바꾸십시오.</translation>
    </message>
    <message>
        <source>This is not an XML file in a readable encoding.</source>
        <translation>읽을 수 있는 인코딩의 XML 파일이 아닙니다.</translation>
    </message>
    <message>
        <source>This is not well-formed XML (line {line}, column {column}).</source>
        <translation>올바른 형식의 XML이 아닙니다({line}행 {column}열).</translation>
    </message>
    <message>
        <source>This link would close a cycle: {cycle}.</source>
        <translation>이 연결은 순환을 만듭니다: {cycle}.</translation>
    </message>
    <message>
        <source>This must not be empty.</source>
        <translation>비워 둘 수 없습니다.</translation>
    </message>
    <message>
        <source>This node and node &apos;{other}&apos; both match the stakeholder &apos;{name}&apos; in the plan.</source>
        <translation>이 노드와 노드 &apos;{other}&apos;이(가) 모두 계획의 이해관계자 &apos;{name}&apos;과(와) 일치합니다.</translation>
    </message>
    <message>
        <source>This plan is read-only: {reason} Use Save As to keep your changes in another file.</source>
        <translation>이 계획은 읽기 전용입니다: {reason} 바꾼 내용은 &apos;다른 이름으로 저장&apos;으로 다른 파일에 남기십시오.</translation>
    </message>
    <message>
        <source>This plan was opened read-only. Use Save As to keep your changes in another file.</source>
        <translation>이 계획은 읽기 전용으로 열었습니다. 바꾼 내용은 &apos;다른 이름으로 저장&apos;으로 다른 파일에 남기십시오.</translation>
    </message>
    <message>
        <source>This round already holds this initiative.</source>
        <translation>이 차수에 이미 이 과제가 있습니다.</translation>
    </message>
    <message>
        <source>This slide&apos;s type is not known: {kind}</source>
        <translation>이 슬라이드의 유형을 알 수 없습니다: {kind}</translation>
    </message>
    <message>
        <source>This stakeholder has no RACI role on any initiative.</source>
        <translation>이 이해관계자는 어떤 추진과제에도 RACI 역할이 없습니다.</translation>
    </message>
    <message>
        <source>This text is too long ({length} characters; at most {limit}).</source>
        <translation>텍스트가 너무 깁니다({length}자, 최대 {limit}자).</translation>
    </message>
    <message>
        <source>This text must be on one line, without control characters.</source>
        <translation>이 텍스트는 제어 문자 없이 한 줄로 써야 합니다.</translation>
    </message>
    <message>
        <source>This year&apos;s plan: the initiatives running in the year with their budget</source>
        <translation>해당 연도 계획: 그해 추진 과제와 예산</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>시각</translation>
    </message>
    <message>
        <source>Time since the start</source>
        <translation>시작 후 경과 시간</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>제목</translation>
    </message>
    <message>
        <source>Title and vision</source>
        <translation>제목 및 비전</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>제목:</translation>
    </message>
    <message>
        <source>Title; Enter adds, Esc cancels</source>
        <translation>과제명을 입력하십시오. Enter는 추가, Esc는 취소입니다</translation>
    </message>
    <message>
        <source>To</source>
        <translation>도착</translation>
    </message>
    <message>
        <source>To be written</source>
        <translation>작성 필요</translation>
    </message>
    <message>
        <source>To stakeholder</source>
        <translation>관계 대상</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>이후:</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>오늘</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>합계</translation>
    </message>
    <message>
        <source>Total budget</source>
        <translation>총사업비</translation>
    </message>
    <message>
        <source>Total float {total} months, free float {free} months</source>
        <translation>총 여유 {total}개월, 자유 여유 {free}개월</translation>
    </message>
    <message>
        <source>Total float: {months} months</source>
        <translation>총 여유 기간: {months}개월</translation>
    </message>
    <message>
        <source>Total {amount} million KRW</source>
        <translation>총 {amount}백만원</translation>
    </message>
    <message>
        <source>Totals declared by the plan</source>
        <translation>계획상 재원별 총액</translation>
    </message>
    <message>
        <source>Trustworthy AI</source>
        <translation>신뢰할 수 있는 인공지능</translation>
    </message>
    <message>
        <source>Trustworthy AI (15)</source>
        <translation>신뢰할 수 있는 AI(15)</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>유형</translation>
    </message>
    <message>
        <source>Type R, A, C or I to set a role, Delete to clear it; right-click for a menu.</source>
        <translation>R, A, C, I를 입력해 역할을 지정하고 Delete로 지웁니다. 오른쪽 클릭하면 메뉴가 열립니다.</translation>
    </message>
    <message>
        <source>Type a name and press Enter to add a stakeholder</source>
        <translation>이름을 입력하고 Enter를 누르면 이해관계자가 추가됩니다</translation>
    </message>
    <message>
        <source>Type to filter</source>
        <translation>입력하여 걸러 보기</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>유형:</translation>
    </message>
    <message>
        <source>Unanswered</source>
        <translation>미응답</translation>
    </message>
    <message>
        <source>Unchanged rows: {count}</source>
        <translation>변경 없는 행: {count}</translation>
    </message>
    <message>
        <source>Undo: {action}</source>
        <translation>실행 취소: {action}</translation>
    </message>
    <message>
        <source>Unique identifiers</source>
        <translation>고유식별정보</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>단위</translation>
    </message>
    <message>
        <source>Unknown column of {kind}.</source>
        <translation>{kind}에 없는 열입니다.</translation>
    </message>
    <message>
        <source>Unknown import mode &apos;{mode}&apos;; use one of: {modes}.</source>
        <translation>알 수 없는 가져오기 방식 &apos;{mode}&apos;입니다. 다음 중 하나를 사용하십시오: {modes}.</translation>
    </message>
    <message>
        <source>Unknown key &apos;{key}&apos;; allowed here: {allowed}.</source>
        <translation>알 수 없는 키 &apos;{key}&apos;입니다. 여기에 쓸 수 있는 키: {allowed}.</translation>
    </message>
    <message>
        <source>Unknown key.</source>
        <translation>알 수 없는 키입니다.</translation>
    </message>
    <message>
        <source>Unknown kind of item: {kind}</source>
        <translation>알 수 없는 항목 종류: {kind}</translation>
    </message>
    <message>
        <source>Unknown side &apos;{side}&apos;; use ours or theirs.</source>
        <translation>알 수 없는 쪽 &apos;{side}&apos;입니다. ours 또는 theirs를 쓰십시오.</translation>
    </message>
    <message>
        <source>Unknown slide</source>
        <translation>알 수 없는 슬라이드</translation>
    </message>
    <message>
        <source>Unknown {what} &apos;{value}&apos;; choose one of: {choices}.</source>
        <translation>알 수 없는 {what} &apos;{value}&apos;입니다. 다음 중에서 선택하십시오: {choices}.</translation>
    </message>
    <message>
        <source>Unknown {what} &apos;{value}&apos;; did you mean &apos;{suggestion}&apos;?</source>
        <translation>알 수 없는 {what} &apos;{value}&apos;입니다. &apos;{suggestion}&apos;을(를) 뜻하셨습니까?</translation>
    </message>
    <message>
        <source>Unknown {what} &apos;{value}&apos;; docs/guideline-profiles.md lists them.</source>
        <translation>알 수 없는 {what} &apos;{value}&apos;입니다. 사용할 수 있는 값은 docs/guideline-profiles.md에 있습니다.</translation>
    </message>
    <message>
        <source>Unresolved</source>
        <translation>미해결</translation>
    </message>
    <message>
        <source>Until they are decided, the merged plan holds our version of each conflict (for a broken funding rule, both sides&apos; changes); every conflict is recorded in {out} for review.</source>
        <translation>결정될 때까지 병합된 계획에는 각 충돌에서 우리 쪽 내용이 들어 있습니다(재원 규칙 위반은 양쪽 변경 모두). 모든 충돌은 검토할 수 있도록 {out}에 기록되었습니다.</translation>
    </message>
    <message>
        <source>Until they are decided, the merged plan holds their version of each conflict (for a broken funding rule, both sides&apos; changes); every conflict is recorded in {out} for review.</source>
        <translation>결정될 때까지 병합된 계획에는 각 충돌에서 상대 쪽 내용이 들어 있습니다(재원 규칙 위반은 양쪽 변경 모두). 모든 충돌은 검토할 수 있도록 {out}에 기록되었습니다.</translation>
    </message>
    <message>
        <source>Untitled plan</source>
        <translation>제목 없는 계획</translation>
    </message>
    <message>
        <source>Updated with changes by {names}.</source>
        <translation>{names}님의 변경을 반영했습니다.</translation>
    </message>
    <message>
        <source>Updating the views…</source>
        <translation>화면을 새로 고치는 중…</translation>
    </message>
    <message>
        <source>Upstream</source>
        <translation>선행 연쇄</translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation>시급성</translation>
    </message>
    <message>
        <source>Use This Profile</source>
        <translation>이 지침 사용</translation>
    </message>
    <message>
        <source>Used unmodified, as separate libraries that you may replace with compatible versions of your own, under the GNU LGPL version 3.</source>
        <translation>GNU LGPL 버전 3에 따라 수정 없이 별도 라이브러리로 사용하며, 호환되는 다른 버전으로 바꿀 수 있습니다.</translation>
    </message>
    <message>
        <source>Uses the plan&apos;s funding rule “{rule}”.</source>
        <translation>계획의 재원 기준 “{rule}”을(를) 사용합니다.</translation>
    </message>
    <message>
        <source>Value: then → now</source>
        <translation>값: 이전 → 현재</translation>
    </message>
    <message>
        <source>Ver&amp;sions…</source>
        <translation>버전 목록(&amp;S)…</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>버전</translation>
    </message>
    <message>
        <source>Version restored as {path}.</source>
        <translation>버전을 {path}(으)로 복원했습니다.</translation>
    </message>
    <message>
        <source>Version {version}</source>
        <translation>버전 {version}</translation>
    </message>
    <message>
        <source>Version {version} cannot be restored: {reason}</source>
        <translation>{version} 버전을 복원할 수 없습니다: {reason}</translation>
    </message>
    <message>
        <source>Version {version} cannot be restored; its content failed the checks: {problems}</source>
        <translation>{version} 버전을 복원할 수 없습니다. 내용이 검사를 통과하지 못했습니다: {problems}</translation>
    </message>
    <message>
        <source>Version {version} is now named &quot;{name}&quot;.</source>
        <translation>{version} 버전의 이름을 &quot;{name}&quot;(으)로 정했습니다.</translation>
    </message>
    <message>
        <source>Version {version} of {file} written as the new plan {out}.</source>
        <translation>{file}의 {version} 버전을 새 계획 {out}(으)로 썼습니다.</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>버전</translation>
    </message>
    <message>
        <source>Versions…</source>
        <translation>버전 목록…</translation>
    </message>
    <message>
        <source>Views</source>
        <translation>화면</translation>
    </message>
    <message>
        <source>Vision</source>
        <translation>비전</translation>
    </message>
    <message>
        <source>Vision summary</source>
        <translation>비전 체계</translation>
    </message>
    <message>
        <source>Vision, fields and strategies at a glance</source>
        <translation>비전·분야·전략 한눈에 보기</translation>
    </message>
    <message>
        <source>Votes</source>
        <translation>투표 수</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>경고</translation>
    </message>
    <message>
        <source>Warning: {message}</source>
        <translation>경고: {message}</translation>
    </message>
    <message>
        <source>Warnings {count}</source>
        <translation>경고 {count}</translation>
    </message>
    <message>
        <source>Web site: {url}</source>
        <translation>웹사이트: {url}</translation>
    </message>
    <message>
        <source>What</source>
        <translation>내용</translation>
    </message>
    <message>
        <source>What is wrong</source>
        <translation>문제 내용</translation>
    </message>
    <message>
        <source>What the change did</source>
        <translation>변경 세부 내용</translation>
    </message>
    <message>
        <source>What the note goes on</source>
        <translation>메모를 붙일 대상</translation>
    </message>
    <message>
        <source>What to spotlight</source>
        <translation>강조할 대상</translation>
    </message>
    <message>
        <source>When the change applies</source>
        <translation>변경 적용 시점</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>위치</translation>
    </message>
    <message>
        <source>Which table this holds is not clear from its name and headers ({headers}); name the table ({kinds}).</source>
        <translation>이름과 열 제목({headers})만으로는 어떤 표인지 알 수 없습니다. 표를 지정하십시오({kinds}).</translation>
    </message>
    <message>
        <source>Who the plan&apos;s history and your comments name; empty: your login name</source>
        <translation>변경 이력과 의견에 표시되는 이름입니다. 비워 두면 로그인 이름을 씁니다</translation>
    </message>
    <message>
        <source>Whole plan</source>
        <translation>계획 전체</translation>
    </message>
    <message>
        <source>Whole plan: {items}</source>
        <translation>계획 전체: {items}</translation>
    </message>
    <message>
        <source>With the links of summary tasks spread to the initiatives inside them the file holds more than {limit} links; it is not imported.</source>
        <translation>요약 작업의 연결을 그 안의 추진과제로 펼치면 선후행 관계가 {limit}건을 넘으므로 가져오지 않습니다.</translation>
    </message>
    <message>
        <source>Without BASE, the version both files started from is found in their lineage (every save records one); when they share none, give BASE.</source>
        <translation>BASE를 생략하면 두 파일이 출발한 버전을 파일의 버전 이력(저장할 때마다 기록)에서 찾습니다. 공통 버전이 없으면 BASE를 지정하십시오.</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>처리 중</translation>
    </message>
    <message>
        <source>Workshop R&amp;ounds…</source>
        <translation>워크숍 차수(&amp;O)…</translation>
    </message>
    <message>
        <source>Workshop rating</source>
        <translation>워크숍 평가</translation>
    </message>
    <message>
        <source>Workshop ratings</source>
        <translation>워크숍 평가</translation>
    </message>
    <message>
        <source>Workshop round</source>
        <translation>워크숍 차수</translation>
    </message>
    <message>
        <source>Workshop round entries</source>
        <translation>워크숍 차수 항목</translation>
    </message>
    <message>
        <source>Workshop round entry</source>
        <translation>워크숍 차수 항목</translation>
    </message>
    <message>
        <source>Workshop rounds</source>
        <translation>워크숍 차수</translation>
    </message>
    <message>
        <source>Write a comment or a reply… (Ctrl+Enter adds it as a comment)</source>
        <translation>의견이나 답글을 입력하십시오… (Ctrl+Enter: 의견으로 추가)</translation>
    </message>
    <message>
        <source>Write one field&apos;s initiatives, with everything they refer to, as a plan file a department can edit on its own. It shares the lineage of FILE, so it merges back with `cplan merge FILE PKG --out OUT`; rows the package never held are not treated as deleted.</source>
        <translation>한 분야의 과제를 관련 항목과 함께 부서가 따로 고칠 수 있는 계획 파일로 씁니다. FILE과 버전 이력을 공유하므로 `cplan merge FILE PKG --out OUT`으로 다시 병합할 수 있으며, 패키지에 없던 행은 삭제된 것으로 보지 않습니다.</translation>
    </message>
    <message>
        <source>Write something on the sticky note.</source>
        <translation>메모 내용을 입력하십시오.</translation>
    </message>
    <message>
        <source>Write the check as a mapping, e.g. &apos;severity: error&apos;.</source>
        <translation>점검 항목은 매핑으로 쓰십시오(예: &apos;severity: error&apos;).</translation>
    </message>
    <message>
        <source>Write the comment first.</source>
        <translation>의견 내용을 먼저 입력하십시오.</translation>
    </message>
    <message>
        <source>Write the note; Enter saves, Shift+Enter starts a new line</source>
        <translation>메모를 입력하십시오. Enter는 저장, Shift+Enter는 줄 바꿈입니다</translation>
    </message>
    <message>
        <source>Write the plan to a file: {format}</source>
        <translation>계획을 파일로 저장: {format}</translation>
    </message>
    <message>
        <source>Write this section in the plan&apos;s language.</source>
        <translation>이 섹션을 계획의 작성 언어로 작성합니다.</translation>
    </message>
    <message>
        <source>Writing {file}…</source>
        <translation>{file} 저장 중…</translation>
    </message>
    <message>
        <source>Wrote a draft (초안 / DRAFT) to {file}: {pages} pages, {errors} error(s) left.</source>
        <translation>초안(초안 / DRAFT)을 {file}에 썼습니다: {pages}쪽, 남은 오류 {errors}건.</translation>
    </message>
    <message>
        <source>Wrote a synthetic plan with {initiatives} initiatives and {stakeholders} stakeholders to {file}.</source>
        <translation>추진과제 {initiatives}개, 이해관계자 {stakeholders}명의 합성 계획을 {file}에 썼습니다.</translation>
    </message>
    <message>
        <source>Wrote the demo plan to {file}.</source>
        <translation>예시 계획을 {file}에 썼습니다.</translation>
    </message>
    <message>
        <source>Wrote the department package {file}.</source>
        <translation>부서 패키지 {file}을(를) 썼습니다.</translation>
    </message>
    <message>
        <source>Wrote the department package {out}: field {code} {name}, {initiatives} initiatives, {stakeholders} stakeholders, {budget} budget lines, {kpis} KPIs. Edited elsewhere, it merges back with: cplan merge {file} {out} --out MERGED.cplan</source>
        <translation>부서 패키지 {out}을(를) 썼습니다: 분야 {code} {name}, 과제 {initiatives}건, 이해관계자 {stakeholders}건, 예산 {budget}건, 성과지표 {kpis}건. 다른 곳에서 고친 뒤 다음으로 병합합니다: cplan merge {file} {out} --out MERGED.cplan</translation>
    </message>
    <message>
        <source>Wrote the new plan {title} to {file}.</source>
        <translation>새 계획 {title}을(를) {file}에 썼습니다.</translation>
    </message>
    <message>
        <source>Wrote {count} rows of {table} to {file}.</source>
        <translation>{table} {count}행을 {file}에 썼습니다.</translation>
    </message>
    <message>
        <source>Wrote {file}: {counts} rows.</source>
        <translation>{file}에 썼습니다: {counts}행.</translation>
    </message>
    <message>
        <source>Wrote {file}: {events} events (iCalendar).</source>
        <translation>{file}에 일정 {events}건을 썼습니다(iCalendar).</translation>
    </message>
    <message>
        <source>Wrote {file}: {initiatives} initiatives and {dependencies} dependencies (TaskJuggler).</source>
        <translation>{file}에 과제 {initiatives}개와 선후행 관계 {dependencies}건을 썼습니다(TaskJuggler).</translation>
    </message>
    <message>
        <source>Wrote {file}: {pages} pages.</source>
        <translation>{file}을(를) 썼습니다: {pages}쪽.</translation>
    </message>
    <message>
        <source>Wrote {file}: {rows} rows of {kinds} kinds (JSON format version {version}).</source>
        <translation>{file}을(를) 저장했습니다: {kinds}개 종류, {rows}개 행(JSON 형식 버전 {version}).</translation>
    </message>
    <message>
        <source>Wrote {file}: {stakeholders} stakeholders and {relations} relations (GraphML).</source>
        <translation>{file}에 이해관계자 {stakeholders}명과 관계 {relations}건을 썼습니다(GraphML).</translation>
    </message>
    <message>
        <source>Wrote {file}: {tasks} tasks and {links} links as Microsoft Project XML.</source>
        <translation>{file}에 작업 {tasks}개와 선후행 관계 {links}건을 썼습니다(Microsoft Project XML).</translation>
    </message>
    <message>
        <source>Wrote {file}: {tasks} tasks and {links} links as a GanttProject file.</source>
        <translation>{file}에 작업 {tasks}개와 선후행 관계 {links}건을 썼습니다(GanttProject 파일).</translation>
    </message>
    <message>
        <source>Wrote “{title}” ({initiatives} initiatives, {rows} rows) from {url} to {file}.</source>
        <translation>{url}의 “{title}”(추진과제 {initiatives}개, 행 {rows}개)을(를) {file}에 썼습니다.</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>연도</translation>
    </message>
    <message>
        <source>Year must be between 1900 and 2999, not {year}.</source>
        <translation>연도는 1900에서 2999 사이여야 합니다({year}은(는) 안 됩니다).</translation>
    </message>
    <message>
        <source>Year of the annual plan</source>
        <translation>실행계획 대상 연도</translation>
    </message>
    <message>
        <source>Year plan table</source>
        <translation>연도별 추진계획 표</translation>
    </message>
    <message>
        <source>Year {number}: {amounts}</source>
        <translation>{number}년차: {amounts}</translation>
    </message>
    <message>
        <source>Years at most</source>
        <translation>최대 연수</translation>
    </message>
    <message>
        <source>Yellow</source>
        <translation>노랑</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>예</translation>
    </message>
    <message>
        <source>You can open it read-only and keep any changes with Save As, or wait until it is closed.</source>
        <translation>읽기 전용으로 열고 바꾼 내용은 &apos;다른 이름으로 저장&apos;으로 남기거나, 상대가 닫을 때까지 기다릴 수 있습니다.</translation>
    </message>
    <message>
        <source>You can undo this.</source>
        <translation>실행 취소로 되돌릴 수 있습니다.</translation>
    </message>
    <message>
        <source>Your &amp;name (shown in history and comments):</source>
        <translation>사용자 이름(&amp;N) (변경 이력·의견에 표시):</translation>
    </message>
    <message>
        <source>Your changes will be lost if you don&apos;t save them.</source>
        <translation>저장하지 않으면 바꾼 내용이 없어집니다.</translation>
    </message>
    <message>
        <source>Your choices caused {count} new conflicts; decide them too.</source>
        <translation>선택 결과 새 충돌이 {count}건 생겼습니다. 이 충돌도 결정하십시오.</translation>
    </message>
    <message>
        <source>Your edit “{label}” was not made; the plan shows the other change.</source>
        <translation>“{label}” 편집을 반영하지 않았습니다. 계획에는 다른 사용자의 변경이 표시됩니다.</translation>
    </message>
    <message>
        <source>Your login name when left empty</source>
        <translation>비워 두면 로그인 이름을 씁니다</translation>
    </message>
    <message>
        <source>Your login on the server may only read this team plan (viewer).</source>
        <translation>서버 로그인 권한으로는 이 팀 계획을 조회만 할 수 있습니다(조회자).</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>사용자 이름</translation>
    </message>
    <message>
        <source>Your own profiles go in {folder}.</source>
        <translation>사용자 프로파일은 {folder}에 둡니다.</translation>
    </message>
    <message>
        <source>Your value</source>
        <translation>내 값</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>확대</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>축소</translation>
    </message>
    <message>
        <source>a Gantt roadmap by field and year, with the critical path and slack.</source>
        <translation>분야·연도별 간트 로드맵(주경로와 여유 기간 포함).</translation>
    </message>
    <message>
        <source>a dependency cycle after merging</source>
        <translation>병합 후 선후행 순환</translation>
    </message>
    <message>
        <source>a funding rule broken after merging</source>
        <translation>병합 후 재원 규칙 위반</translation>
    </message>
    <message>
        <source>a network of the initiatives and the links between them.</source>
        <translation>추진과제와 그 사이의 선후행 관계 네트워크.</translation>
    </message>
    <message>
        <source>a note kept with the baseline</source>
        <translation>기준 계획에 남길 메모</translation>
    </message>
    <message>
        <source>a note on the version (with name)</source>
        <translation>버전 메모(name과 함께)</translation>
    </message>
    <message>
        <source>a plan file (.cplan) to open</source>
        <translation>열 계획 파일(.cplan)</translation>
    </message>
    <message>
        <source>a second accountable (A) after merging</source>
        <translation>병합 후 최종책임(A) 중복</translation>
    </message>
    <message>
        <source>a template cannot be its own prerequisite</source>
        <translation>템플릿은 자기 자신을 선행 과제로 둘 수 없습니다</translation>
    </message>
    <message>
        <source>a value of its own kept</source>
        <translation>직접 입력한 값 유지</translation>
    </message>
    <message>
        <source>about {count} data subjects</source>
        <translation>정보주체 약 {count}명</translation>
    </message>
    <message>
        <source>added</source>
        <translation>추가</translation>
    </message>
    <message>
        <source>added or changed under an item the other side deleted</source>
        <translation>상대가 삭제한 항목 아래에 추가·변경</translation>
    </message>
    <message>
        <source>an internal error: {reason}</source>
        <translation>내부 오류: {reason}</translation>
    </message>
    <message>
        <source>and {count} more</source>
        <translation>외 {count}건</translation>
    </message>
    <message>
        <source>at least {percent} %</source>
        <translation>{percent}% 이상</translation>
    </message>
    <message>
        <source>at most {percent} %</source>
        <translation>{percent}% 이하</translation>
    </message>
    <message>
        <source>base</source>
        <translation>공통 원본</translation>
    </message>
    <message>
        <source>baseline</source>
        <translation>기준 계획</translation>
    </message>
    <message>
        <source>baseline budget</source>
        <translation>기준 계획 예산</translation>
    </message>
    <message>
        <source>baseline entry</source>
        <translation>기준 계획 항목</translation>
    </message>
    <message>
        <source>behind plan</source>
        <translation>계획 대비 지연</translation>
    </message>
    <message>
        <source>block id</source>
        <translation>생성 블록</translation>
    </message>
    <message>
        <source>both sides&apos; changes kept</source>
        <translation>양쪽 변경 모두 유지</translation>
    </message>
    <message>
        <source>budget line</source>
        <translation>예산 항목</translation>
    </message>
    <message>
        <source>budget total</source>
        <translation>예산 총액</translation>
    </message>
    <message>
        <source>budgets by fiscal year and funding source, with their rules.</source>
        <translation>회계연도·재원별 예산과 재원 기준.</translation>
    </message>
    <message>
        <source>built-in</source>
        <translation>기본 제공</translation>
    </message>
    <message>
        <source>cannot be read: {reason}</source>
        <translation>읽을 수 없습니다: {reason}</translation>
    </message>
    <message>
        <source>change log entry</source>
        <translation>변경 이력</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>변경</translation>
    </message>
    <message>
        <source>changes that break a rule of the item together</source>
        <translation>함께 적용하면 규칙에 어긋나는 변경</translation>
    </message>
    <message>
        <source>check a plan against its guideline profile</source>
        <translation>지침 프로필에 따라 계획을 점검합니다</translation>
    </message>
    <message>
        <source>check a plan file as opening it would</source>
        <translation>파일을 열 때와 같이 계획 파일을 점검합니다</translation>
    </message>
    <message>
        <source>check and count only; write nothing</source>
        <translation>검사하고 개수만 셈. 아무것도 저장하지 않음</translation>
    </message>
    <message>
        <source>check id</source>
        <translation>점검 항목</translation>
    </message>
    <message>
        <source>checklist answer</source>
        <translation>점검표 응답</translation>
    </message>
    <message>
        <source>checks of the plan against the government guideline profiles.</source>
        <translation>정부 지침 프로파일에 따른 계획 점검.</translation>
    </message>
    <message>
        <source>column mapping</source>
        <translation>열 대응</translation>
    </message>
    <message>
        <source>comment</source>
        <translation>의견</translation>
    </message>
    <message>
        <source>compare the plan with a baseline</source>
        <translation>계획을 기준 계획과 비교</translation>
    </message>
    <message>
        <source>complete plan as JSON</source>
        <translation>계획 전체(JSON)</translation>
    </message>
    <message>
        <source>contact: {contact}</source>
        <translation>연락처: {contact}</translation>
    </message>
    <message>
        <source>copy a profile into your profile folder to edit it</source>
        <translation>편집할 수 있도록 프로파일을 사용자 프로파일 폴더에 복사</translation>
    </message>
    <message>
        <source>copy the team plan to a plan file for offline work</source>
        <translation>오프라인 작업용으로 팀 계획을 계획 파일로 복사</translation>
    </message>
    <message>
        <source>could not be read because of an internal error: {reason}</source>
        <translation>내부 오류로 읽지 못했습니다: {reason}</translation>
    </message>
    <message>
        <source>could not write the picture to {path}</source>
        <translation>{path}에 그림을 쓰지 못했습니다</translation>
    </message>
    <message>
        <source>cover block</source>
        <translation>표지 구성 요소</translation>
    </message>
    <message>
        <source>create the plan&apos;s tables and the roles in an empty database</source>
        <translation>빈 데이터베이스에 계획 표와 역할 만들기</translation>
    </message>
    <message>
        <source>delay an initiative by whole months (negative: earlier); repeat for more</source>
        <translation>과제를 개월 단위로 늦춤(음수: 앞당김). 여러 과제는 반복해서 지정</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>삭제</translation>
    </message>
    <message>
        <source>deleted on one side, changed on the other</source>
        <translation>한쪽은 삭제, 다른 쪽은 변경</translation>
    </message>
    <message>
        <source>dependency</source>
        <translation>선후행 관계</translation>
    </message>
    <message>
        <source>e.g. AI convergence master plan 2026–2030</source>
        <translation>예: AI 융합 기본계획 2026–2030</translation>
    </message>
    <message>
        <source>e.g. Draft for the council</source>
        <translation>예: 의회 보고안</translation>
    </message>
    <message>
        <source>e.g. {example}</source>
        <translation>예: {example}</translation>
    </message>
    <message>
        <source>edge #{number} (no id)</source>
        <translation>{number}번째 연결선(id 없음)</translation>
    </message>
    <message>
        <source>edge {id}</source>
        <translation>연결선 {id}</translation>
    </message>
    <message>
        <source>editing the selected item&apos;s fields.</source>
        <translation>선택한 항목의 속성을 편집합니다.</translation>
    </message>
    <message>
        <source>error</source>
        <translation>오류</translation>
    </message>
    <message>
        <source>export one field&apos;s initiatives as a department package</source>
        <translation>한 분야의 과제를 부서 패키지로 내보내기</translation>
    </message>
    <message>
        <source>field</source>
        <translation>분야</translation>
    </message>
    <message>
        <source>finished late</source>
        <translation>늦게 완료</translation>
    </message>
    <message>
        <source>for .csv/.xlsx: read the column HEADER as FIELD (repeatable; others by their recognised headers)</source>
        <translation>.csv/.xlsx용: HEADER 열을 FIELD로 읽습니다(여러 번 쓸 수 있음; 나머지는 알아본 머리글대로)</translation>
    </message>
    <message>
        <source>for .csv/.xlsx: the table the rows are (initiatives, stakeholders, relations, budget_lines, kpis, roles; default: recognised from the headers)</source>
        <translation>.csv/.xlsx용: 행이 속한 표(initiatives, stakeholders, relations, budget_lines, kpis, roles; 기본값: 머리글로 알아냄)</translation>
    </message>
    <message>
        <source>for .csv: the table to write (initiatives, stakeholders, relations, budget_lines, kpis, roles; default: initiatives)</source>
        <translation>.csv용: 쓸 표(initiatives, stakeholders, relations, budget_lines, kpis, roles; 기본값: initiatives)</translation>
    </message>
    <message>
        <source>for .xlsx: read only this sheet</source>
        <translation>.xlsx용: 이 시트만 읽습니다</translation>
    </message>
    <message>
        <source>form a cycle: {cycle}</source>
        <translation>순환을 이룹니다: {cycle}</translation>
    </message>
    <message>
        <source>funding rule</source>
        <translation>재원 기준</translation>
    </message>
    <message>
        <source>funding source</source>
        <translation>재원</translation>
    </message>
    <message>
        <source>give either FILE or --demo, not both</source>
        <translation>FILE과 --demo 중 하나만 주십시오</translation>
    </message>
    <message>
        <source>gone</source>
        <translation>삭제됨</translation>
    </message>
    <message>
        <source>grid snapshot</source>
        <translation>그리드 스냅숏</translation>
    </message>
    <message>
        <source>grid snapshot entry</source>
        <translation>그리드 스냅숏 항목</translation>
    </message>
    <message>
        <source>has no id of the task that follows.</source>
        <translation>후행 작업의 id가 없습니다.</translation>
    </message>
    <message>
        <source>has no working day.</source>
        <translation>근무일이 없습니다.</translation>
    </message>
    <message>
        <source>has no {language} text (&apos;{code}&apos;)</source>
        <translation>{language} 문구가 없습니다(&apos;{code}&apos;)</translation>
    </message>
    <message>
        <source>hidden</source>
        <translation>숨김</translation>
    </message>
    <message>
        <source>holds a NUL character, which PostgreSQL cannot store.</source>
        <translation>PostgreSQL에 저장할 수 없는 NUL 문자가 있습니다.</translation>
    </message>
    <message>
        <source>holds no rows to import.</source>
        <translation>가져올 행이 없습니다.</translation>
    </message>
    <message>
        <source>holds no table to import.</source>
        <translation>가져올 표가 없습니다.</translation>
    </message>
    <message>
        <source>holds no tasks.</source>
        <translation>작업이 없습니다.</translation>
    </message>
    <message>
        <source>holds nothing to import.</source>
        <translation>가져올 내용이 없습니다.</translation>
    </message>
    <message>
        <source>holds {count} tasks; at most {limit} are imported.</source>
        <translation>작업이 {count}개입니다. 최대 {limit}개까지만 가져올 수 있습니다.</translation>
    </message>
    <message>
        <source>how many initiatives</source>
        <translation>추진과제 수</translation>
    </message>
    <message>
        <source>how many stakeholders</source>
        <translation>이해관계자 수</translation>
    </message>
    <message>
        <source>hyperedge {id}</source>
        <translation>하이퍼엣지 {id}</translation>
    </message>
    <message>
        <source>import a file into a plan, after checking all of it</source>
        <translation>파일 전체를 검사한 뒤 계획으로 가져오기</translation>
    </message>
    <message>
        <source>in the plan</source>
        <translation>계획에 있음</translation>
    </message>
    <message>
        <source>initiative</source>
        <translation>추진과제</translation>
    </message>
    <message>
        <source>initiative field</source>
        <translation>과제 항목</translation>
    </message>
    <message>
        <source>initiatives and milestones as a calendar (iCalendar)</source>
        <translation>과제·마일스톤 일정표(iCalendar)</translation>
    </message>
    <message>
        <source>initiatives without duration</source>
        <translation>기간 없는 추진과제</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>중단됨</translation>
    </message>
    <message>
        <source>is also the UID of {other}.</source>
        <translation>{other}의 UID와 같습니다.</translation>
    </message>
    <message>
        <source>is also the id of {other}.</source>
        <translation>{other}의 id와 같습니다.</translation>
    </message>
    <message>
        <source>is below the minimum national share</source>
        <translation>최소 국비 비율보다 낮습니다</translation>
    </message>
    <message>
        <source>is larger than {limit} MB; it is not imported.</source>
        <translation>{limit}MB보다 커서 가져오지 않습니다.</translation>
    </message>
    <message>
        <source>is missing</source>
        <translation>항목이 없습니다</translation>
    </message>
    <message>
        <source>is missing or not a whole number.</source>
        <translation>값이 없거나 정수가 아닙니다.</translation>
    </message>
    <message>
        <source>is missing, and so is the Duration.</source>
        <translation>값이 없고 기간(Duration)도 없습니다.</translation>
    </message>
    <message>
        <source>is missing.</source>
        <translation>값이 없습니다.</translation>
    </message>
    <message>
        <source>is not a known key (known keys: {keys})</source>
        <translation>알 수 없는 키입니다(사용 가능한 키: {keys})</translation>
    </message>
    <message>
        <source>is not a language of the app ({languages})</source>
        <translation>앱에서 쓰는 언어({languages})가 아닙니다</translation>
    </message>
    <message>
        <source>is required.</source>
        <translation>필수 항목입니다.</translation>
    </message>
    <message>
        <source>is too large a number for the server.</source>
        <translation>서버에 저장하기에 너무 큰 수입니다.</translation>
    </message>
    <message>
        <source>is too large a number.</source>
        <translation>숫자가 너무 큽니다.</translation>
    </message>
    <message>
        <source>is used by another template too</source>
        <translation>다른 템플릿도 같은 id를 씁니다</translation>
    </message>
    <message>
        <source>is {length} characters long; at most {limit} are allowed.</source>
        <translation>길이가 {length}자입니다. 최대 {limit}자까지 허용됩니다.</translation>
    </message>
    <message>
        <source>is {length} characters long; the server allows at most {limit}.</source>
        <translation>{length}자로, 서버 허용 한도 {limit}자를 넘습니다.</translation>
    </message>
    <message>
        <source>is {total} but the amounts add up to {sum}</source>
        <translation>{total}이지만 금액의 합은 {sum}입니다</translation>
    </message>
    <message>
        <source>its &apos;start no earlier than&apos; constraint ({month})</source>
        <translation>&apos;이후 시작&apos; 제약({month})</translation>
    </message>
    <message>
        <source>its planned start ({month})</source>
        <translation>계획된 시작월({month})</translation>
    </message>
    <message>
        <source>kept</source>
        <translation>보관됨</translation>
    </message>
    <message>
        <source>key without id</source>
        <translation>id 없는 key</translation>
    </message>
    <message>
        <source>key {id}</source>
        <translation>key {id}</translation>
    </message>
    <message>
        <source>language of messages (ko or en)</source>
        <translation>메시지 언어 (ko 또는 en)</translation>
    </message>
    <message>
        <source>language of messages and of the plan written (ko or en)</source>
        <translation>메시지와 작성할 계획의 언어 (ko 또는 en)</translation>
    </message>
    <message>
        <source>language of the interface (ko or en)</source>
        <translation>화면 언어 (ko 또는 en)</translation>
    </message>
    <message>
        <source>line {line}, column {column} ({where}): {message}</source>
        <translation>{line}행 {column}열 ({where}): {message}</translation>
    </message>
    <message>
        <source>line {line}, column {column}: {message}</source>
        <translation>{line}행 {column}열: {message}</translation>
    </message>
    <message>
        <source>links a summary task with a task inside it ({first} and {second}).</source>
        <translation>요약 작업과 그 안의 작업을 연결합니다({first}, {second}).</translation>
    </message>
    <message>
        <source>links the task {key} of another project file; links to other projects are not imported.</source>
        <translation>다른 프로젝트 파일의 작업 {key}와 연결되어 있습니다. 다른 프로젝트와의 연결은 가져오지 않습니다.</translation>
    </message>
    <message>
        <source>links {task}, a milestone of an initiative; the plan links initiatives only, so link the initiative instead.</source>
        <translation>추진과제의 마일스톤인 {task}와 연결되어 있습니다. 계획은 추진과제끼리만 연결하므로 해당 추진과제에 연결하십시오.</translation>
    </message>
    <message>
        <source>list the fields each change set, before and after</source>
        <translation>변경마다 바뀐 필드의 변경 전·후 값을 표시합니다</translation>
    </message>
    <message>
        <source>list the guideline profiles, or copy one to edit it</source>
        <translation>지침 프로파일을 나열하거나 편집할 수 있도록 복사</translation>
    </message>
    <message>
        <source>list the saved baselines</source>
        <translation>저장된 기준 계획 목록</translation>
    </message>
    <message>
        <source>list, name or restore the saved versions of a plan</source>
        <translation>계획의 저장 버전을 조회하거나 이름을 붙이거나 복원합니다</translation>
    </message>
    <message>
        <source>merge OTHER_FILE into the plan and show the conflict review (with --screenshot: a picture of it)</source>
        <translation>OTHER_FILE을 계획에 병합하고 충돌 검토 화면을 표시(--screenshot과 함께: 그 화면을 그림으로 저장)</translation>
    </message>
    <message>
        <source>merge conflict</source>
        <translation>병합 충돌</translation>
    </message>
    <message>
        <source>merge even files that are not versions of the same plan</source>
        <translation>같은 계획의 버전이 아닌 파일도 병합</translation>
    </message>
    <message>
        <source>merge two versions of a plan into a new plan file</source>
        <translation>한 계획의 두 버전을 새 계획 파일로 병합</translation>
    </message>
    <message>
        <source>milestone</source>
        <translation>마일스톤</translation>
    </message>
    <message>
        <source>min_national_share_percent is larger than max_national_share_percent.</source>
        <translation>min_national_share_percent가 max_national_share_percent보다 큽니다.</translation>
    </message>
    <message>
        <source>min_years is larger than max_years.</source>
        <translation>min_years가 max_years보다 큽니다.</translation>
    </message>
    <message>
        <source>mix shares and amounts; use one or the other</source>
        <translation>비율과 금액이 섞여 있습니다. 둘 중 하나만 쓰십시오</translation>
    </message>
    <message>
        <source>money in {count} years, more than the {limit} of its funding rule</source>
        <translation>{count}개 연도에 예산이 있어 재원 기준의 {limit}년을 넘습니다</translation>
    </message>
    <message>
        <source>months</source>
        <translation>개월</translation>
    </message>
    <message>
        <source>must be &apos;{format}&apos;</source>
        <translation>&apos;{format}&apos;이어야 합니다</translation>
    </message>
    <message>
        <source>must be a date such as 2026-09-10.</source>
        <translation>2026-09-10과 같은 날짜여야 합니다.</translation>
    </message>
    <message>
        <source>must be a list</source>
        <translation>목록이어야 합니다</translation>
    </message>
    <message>
        <source>must be a list of item keys</source>
        <translation>항목 키 목록이어야 합니다</translation>
    </message>
    <message>
        <source>must be a list of rows.</source>
        <translation>행 목록이어야 합니다.</translation>
    </message>
    <message>
        <source>must be a list of template ids</source>
        <translation>템플릿 id 목록이어야 합니다</translation>
    </message>
    <message>
        <source>must be a list of texts.</source>
        <translation>텍스트 목록이어야 합니다.</translation>
    </message>
    <message>
        <source>must be a month such as 2027-03.</source>
        <translation>2027-03과 같은 연월이어야 합니다.</translation>
    </message>
    <message>
        <source>must be a non-empty list</source>
        <translation>비어 있지 않은 목록이어야 합니다</translation>
    </message>
    <message>
        <source>must be a number</source>
        <translation>숫자여야 합니다</translation>
    </message>
    <message>
        <source>must be a number written as text, such as &quot;72.5&quot;.</source>
        <translation>&quot;72.5&quot;와 같이 텍스트로 쓴 숫자여야 합니다.</translation>
    </message>
    <message>
        <source>must be a number.</source>
        <translation>숫자여야 합니다.</translation>
    </message>
    <message>
        <source>must be a time such as 2027-03-01T09:30:00 (UTC, without a zone).</source>
        <translation>2027-03-01T09:30:00과 같은 시각(UTC, 시간대 표기 없음)이어야 합니다.</translation>
    </message>
    <message>
        <source>must be a whole number</source>
        <translation>정수여야 합니다</translation>
    </message>
    <message>
        <source>must be a whole number.</source>
        <translation>정수여야 합니다.</translation>
    </message>
    <message>
        <source>must be an object</source>
        <translation>객체여야 합니다</translation>
    </message>
    <message>
        <source>must be an object of column values.</source>
        <translation>열 값을 담은 객체여야 합니다.</translation>
    </message>
    <message>
        <source>must be an object of tables by kind.</source>
        <translation>종류별 표를 담은 객체여야 합니다.</translation>
    </message>
    <message>
        <source>must be an object.</source>
        <translation>객체여야 합니다.</translation>
    </message>
    <message>
        <source>must be at least {minimum}</source>
        <translation>{minimum} 이상이어야 합니다</translation>
    </message>
    <message>
        <source>must be at most {maximum}</source>
        <translation>{maximum} 이하여야 합니다</translation>
    </message>
    <message>
        <source>must be lowercase letters, digits and &apos;_&apos; (at most 80, starting with a letter)</source>
        <translation>영문 소문자, 숫자, &apos;_&apos;만 쓸 수 있습니다(영문자로 시작, 최대 80자)</translation>
    </message>
    <message>
        <source>must be more than 0 and at most 100</source>
        <translation>0보다 크고 100 이하여야 합니다</translation>
    </message>
    <message>
        <source>must be text</source>
        <translation>문자열이어야 합니다</translation>
    </message>
    <message>
        <source>must be text or a {&quot;ko&quot;: ..., &quot;en&quot;: ...} pair</source>
        <translation>문자열 또는 {&quot;ko&quot;: ..., &quot;en&quot;: ...} 쌍이어야 합니다</translation>
    </message>
    <message>
        <source>must be text.</source>
        <translation>텍스트여야 합니다.</translation>
    </message>
    <message>
        <source>must be true or false</source>
        <translation>true 또는 false여야 합니다</translation>
    </message>
    <message>
        <source>must be true or false.</source>
        <translation>true 또는 false여야 합니다.</translation>
    </message>
    <message>
        <source>must not be empty (&apos;{code}&apos;)</source>
        <translation>비어 있으면 안 됩니다(&apos;{code}&apos;)</translation>
    </message>
    <message>
        <source>must not be empty.</source>
        <translation>비어 있으면 안 됩니다.</translation>
    </message>
    <message>
        <source>must not be null.</source>
        <translation>null일 수 없습니다.</translation>
    </message>
    <message>
        <source>name or restore</source>
        <translation>name(이름 붙이기) 또는 restore(복원)</translation>
    </message>
    <message>
        <source>names a template twice</source>
        <translation>같은 템플릿이 두 번 있습니다</translation>
    </message>
    <message>
        <source>names an item twice</source>
        <translation>같은 항목이 두 번 있습니다</translation>
    </message>
    <message>
        <source>names an unknown template &apos;{id}&apos;</source>
        <translation>없는 템플릿 &apos;{id}&apos;을(를) 가리킵니다</translation>
    </message>
    <message>
        <source>names the field &apos;{code}&apos;, which is neither in the file nor in the plan.</source>
        <translation>분야 &apos;{code}&apos;을(를) 가리키지만 파일과 계획 어디에도 없습니다.</translation>
    </message>
    <message>
        <source>names the initiative &apos;{code}&apos;, which is neither in the file nor in the plan.</source>
        <translation>추진과제 &apos;{code}&apos;을(를) 가리키지만 파일과 계획 어디에도 없습니다.</translation>
    </message>
    <message>
        <source>national share above the maximum</source>
        <translation>국비 비율 최고 기준 초과</translation>
    </message>
    <message>
        <source>national share below the minimum</source>
        <translation>국비 비율 최저 기준 미달</translation>
    </message>
    <message>
        <source>need at least one KPI of each type; missing: {types}</source>
        <translation>유형마다 성과지표가 하나 이상 있어야 합니다. 없는 유형: {types}</translation>
    </message>
    <message>
        <source>needs exactly one of share_percent and amount_krw</source>
        <translation>share_percent와 amount_krw 중 하나만 있어야 합니다</translation>
    </message>
    <message>
        <source>network position</source>
        <translation>관계망 위치</translation>
    </message>
    <message>
        <source>new</source>
        <translation>신규</translation>
    </message>
    <message>
        <source>no sheet is chosen for import.</source>
        <translation>가져올 시트를 선택하지 않았습니다.</translation>
    </message>
    <message>
        <source>node #{number} (no id)</source>
        <translation>{number}번째 노드(id 없음)</translation>
    </message>
    <message>
        <source>node {id}</source>
        <translation>노드 {id}</translation>
    </message>
    <message>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>not finished yet</source>
        <translation>아직 미완료</translation>
    </message>
    <message>
        <source>not in the plan</source>
        <translation>계획에 없음</translation>
    </message>
    <message>
        <source>not kept</source>
        <translation>보관 안 됨</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>미입력</translation>
    </message>
    <message>
        <source>not started yet</source>
        <translation>아직 미착수</translation>
    </message>
    <message>
        <source>numbering scheme</source>
        <translation>번호 체계</translation>
    </message>
    <message>
        <source>of which milestones (0 months)</source>
        <translation>그중 마일스톤(0개월)</translation>
    </message>
    <message>
        <source>one table as CSV (initiatives, stakeholders, relations, budget, KPIs, roles)</source>
        <translation>표 하나(CSV: 추진과제, 이해관계자, 관계, 예산, 성과지표, 역할)</translation>
    </message>
    <message>
        <source>one table as CSV (initiatives, stakeholders, relations, budget, KPIs, roles, schedule)</source>
        <translation>표 하나(CSV: 추진과제, 이해관계자, 관계, 예산, 성과지표, 역할, 일정)</translation>
    </message>
    <message>
        <source>only the changes made by NAME</source>
        <translation>NAME이 변경한 내역만</translation>
    </message>
    <message>
        <source>only the changes on or after this day (YYYY-MM-DD)</source>
        <translation>이 날짜 이후의 변경만 (YYYY-MM-DD, 당일 포함)</translation>
    </message>
    <message>
        <source>only the changes on or before this day (YYYY-MM-DD)</source>
        <translation>이 날짜 이전의 변경만 (YYYY-MM-DD, 당일 포함)</translation>
    </message>
    <message>
        <source>only the changes to this kind of item (initiative, stakeholder, kpi, ...)</source>
        <translation>이 종류의 항목에 대한 변경만 (initiative, stakeholder, kpi 등)</translation>
    </message>
    <message>
        <source>only the changes whose description, items or values contain TEXT</source>
        <translation>설명·항목·값에 TEXT가 들어 있는 변경만</translation>
    </message>
    <message>
        <source>only the newest N changes</source>
        <translation>최근 변경 N건만</translation>
    </message>
    <message>
        <source>open an untitled copy of the demo plan</source>
        <translation>예시 계획의 제목 없는 사본을 엽니다</translation>
    </message>
    <message>
        <source>open plan</source>
        <translation>열린 계획</translation>
    </message>
    <message>
        <source>open the import dialog on IMPORT_FILE (with --screenshot: a picture of its first step)</source>
        <translation>IMPORT_FILE을(를) 가져오기 창에서 엽니다(--screenshot과 함께 쓰면 첫 단계 화면을 저장)</translation>
    </message>
    <message>
        <source>other items</source>
        <translation>기타 항목</translation>
    </message>
    <message>
        <source>our version</source>
        <translation>우리 쪽 버전</translation>
    </message>
    <message>
        <source>ours</source>
        <translation>우리 쪽</translation>
    </message>
    <message>
        <source>ours kept</source>
        <translation>우리 쪽 유지</translation>
    </message>
    <message>
        <source>own</source>
        <translation>사용자</translation>
    </message>
    <message>
        <source>plan</source>
        <translation>계획</translation>
    </message>
    <message>
        <source>plan details</source>
        <translation>계획 정보</translation>
    </message>
    <message>
        <source>plan type</source>
        <translation>계획 유형</translation>
    </message>
    <message>
        <source>print JSON (keys in English)</source>
        <translation>JSON으로 출력합니다 (키는 영어)</translation>
    </message>
    <message>
        <source>print the version and exit</source>
        <translation>버전을 표시하고 끝냅니다</translation>
    </message>
    <message>
        <source>problems</source>
        <translation>문제</translation>
    </message>
    <message>
        <source>project type</source>
        <translation>사업 유형</translation>
    </message>
    <message>
        <source>province and district, e.g. &apos;해담도 해담군&apos;</source>
        <translation>시·도와 시·군·구, 예: &apos;해담도 해담군&apos;</translation>
    </message>
    <message>
        <source>purpose {percent}% alike</source>
        <translation>목적 유사도 {percent}%</translation>
    </message>
    <message>
        <source>random seed (the same seed, the same plan)</source>
        <translation>난수 시드 (같은 시드면 같은 계획)</translation>
    </message>
    <message>
        <source>refers to an item the other side deleted</source>
        <translation>상대가 삭제한 항목을 참조</translation>
    </message>
    <message>
        <source>refers to the task {key}, which is not in the file.</source>
        <translation>파일에 없는 작업 {key}을(를) 가리킵니다.</translation>
    </message>
    <message>
        <source>refers to {kind} {id}, which does not exist.</source>
        <translation>{kind} {id}을(를) 가리키지만 그런 항목이 없습니다.</translation>
    </message>
    <message>
        <source>refers to {kind} {id}, which is not in the file.</source>
        <translation>파일에 없는 {kind} {id}을(를) 참조합니다.</translation>
    </message>
    <message>
        <source>relation</source>
        <translation>관계</translation>
    </message>
    <message>
        <source>replace NEW.cplan if it exists</source>
        <translation>NEW.cplan이 있으면 바꿉니다</translation>
    </message>
    <message>
        <source>replace OUT if it exists</source>
        <translation>OUT이 있으면 바꿉니다</translation>
    </message>
    <message>
        <source>replace PKG if it exists</source>
        <translation>PKG가 있으면 바꾸기</translation>
    </message>
    <message>
        <source>replace the plan the database already holds</source>
        <translation>데이터베이스에 이미 있는 계획을 바꿉니다</translation>
    </message>
    <message>
        <source>report language</source>
        <translation>보고서 언어</translation>
    </message>
    <message>
        <source>restore takes one version id and --out NEW.cplan.</source>
        <translation>restore에는 버전 ID 하나와 --out NEW.cplan을 지정합니다.</translation>
    </message>
    <message>
        <source>risk</source>
        <translation>위험</translation>
    </message>
    <message>
        <source>role</source>
        <translation>역할</translation>
    </message>
    <message>
        <source>row {number}</source>
        <translation>{number}행</translation>
    </message>
    <message>
        <source>same field changed differently</source>
        <translation>같은 항목을 서로 다르게 변경</translation>
    </message>
    <message>
        <source>same purpose</source>
        <translation>목적 동일</translation>
    </message>
    <message>
        <source>same title</source>
        <translation>제목 동일</translation>
    </message>
    <message>
        <source>save the current schedule and budget as a baseline (writes FILE)</source>
        <translation>현재 일정과 예산을 기준 계획으로 저장(FILE에 기록)</translation>
    </message>
    <message>
        <source>save, list and compare baselines of the schedule and budget</source>
        <translation>일정·예산 기준 계획 저장, 목록, 비교</translation>
    </message>
    <message>
        <source>saved {when}</source>
        <translation>{when} 저장본</translation>
    </message>
    <message>
        <source>schedule as Microsoft Project XML (MS Project, ProjectLibre)</source>
        <translation>일정(Microsoft Project XML: MS Project, ProjectLibre)</translation>
    </message>
    <message>
        <source>schedule as a GanttProject file (.gan)</source>
        <translation>일정(GanttProject 파일, .gan)</translation>
    </message>
    <message>
        <source>schedule model for TaskJuggler (.tjp)</source>
        <translation>TaskJuggler용 일정 모델(.tjp)</translation>
    </message>
    <message>
        <source>section</source>
        <translation>서술 항목</translation>
    </message>
    <message>
        <source>sector</source>
        <translation>부문</translation>
    </message>
    <message>
        <source>sensitive data</source>
        <translation>민감정보</translation>
    </message>
    <message>
        <source>severity</source>
        <translation>심각도</translation>
    </message>
    <message>
        <source>share a plan on a PostgreSQL server (team plan)</source>
        <translation>PostgreSQL 서버에서 계획 공유(팀 계획)</translation>
    </message>
    <message>
        <source>shares add up to {sum} %, not 100 %</source>
        <translation>비율의 합이 100%가 아니라 {sum}%입니다</translation>
    </message>
    <message>
        <source>sheet {sheet}</source>
        <translation>{sheet} 시트</translation>
    </message>
    <message>
        <source>sheet {sheet} row {number}</source>
        <translation>{sheet} 시트 {number}행</translation>
    </message>
    <message>
        <source>show the RACI matrix and check its rules</source>
        <translation>RACI 매트릭스를 보여 주고 규칙을 점검</translation>
    </message>
    <message>
        <source>show the schedule: dates, floats, critical path, drivers</source>
        <translation>일정 보기: 시기, 여유, 주공정, 결정 요인</translation>
    </message>
    <message>
        <source>show the stakeholders: grid quadrant, strategy, centrality, community</source>
        <translation>이해관계자 보기: 그리드 사분면, 관리 전략, 중심성, 커뮤니티</translation>
    </message>
    <message>
        <source>show the window, save a picture of it to PNG and exit (works offscreen)</source>
        <translation>창을 띄워 PNG 그림으로 저장하고 끝냅니다 (화면 없이도 동작)</translation>
    </message>
    <message>
        <source>show what a plan holds</source>
        <translation>계획에 담긴 내용을 보여 줍니다</translation>
    </message>
    <message>
        <source>show who changed what in a plan, and when</source>
        <translation>계획을 누가 언제 무엇을 변경했는지 보여 줍니다</translation>
    </message>
    <message>
        <source>slide</source>
        <translation>슬라이드</translation>
    </message>
    <message>
        <source>stakeholder</source>
        <translation>이해관계자</translation>
    </message>
    <message>
        <source>stakeholder network (GraphML: Gephi, yEd)</source>
        <translation>이해관계자 네트워크(GraphML: Gephi, yEd)</translation>
    </message>
    <message>
        <source>start presentation mode with the plan</source>
        <translation>계획으로 발표 모드 시작</translation>
    </message>
    <message>
        <source>started late</source>
        <translation>늦게 착수</translation>
    </message>
    <message>
        <source>sticky note</source>
        <translation>메모지</translation>
    </message>
    <message>
        <source>strategy</source>
        <translation>추진전략</translation>
    </message>
    <message>
        <source>tables as an Excel workbook (.xlsx), one sheet each</source>
        <translation>표 전체(Excel 통합문서 .xlsx, 표마다 시트 하나)</translation>
    </message>
    <message>
        <source>target base</source>
        <translation>목표 기준 연도</translation>
    </message>
    <message>
        <source>task</source>
        <translation>작업</translation>
    </message>
    <message>
        <source>task UID</source>
        <translation>작업 UID</translation>
    </message>
    <message>
        <source>task id</source>
        <translation>작업 id</translation>
    </message>
    <message>
        <source>team plan</source>
        <translation>팀 계획</translation>
    </message>
    <message>
        <source>team plan, read-only</source>
        <translation>팀 계획, 읽기 전용</translation>
    </message>
    <message>
        <source>the baseline&apos;s name</source>
        <translation>기준 계획 이름</translation>
    </message>
    <message>
        <source>the calendar</source>
        <translation>달력</translation>
    </message>
    <message>
        <source>the code of the field to export</source>
        <translation>내보낼 분야의 번호</translation>
    </message>
    <message>
        <source>the common earlier version</source>
        <translation>공통 원본(이전 버전)</translation>
    </message>
    <message>
        <source>the common earlier version (may be left out)</source>
        <translation>공통의 이전 버전(생략 가능)</translation>
    </message>
    <message>
        <source>the copy&apos;s id and file name (lower-case letters, digits and hyphens)</source>
        <translation>복사본의 ID 겸 파일 이름(영문 소문자, 숫자, 하이픈)</translation>
    </message>
    <message>
        <source>the day deadlines are judged at (default: today)</source>
        <translation>제출 기한을 판단할 날짜 (기본값: 오늘)</translation>
    </message>
    <message>
        <source>the demo plan could not be created: {reason}</source>
        <translation>예시 계획을 만들지 못했습니다: {reason}</translation>
    </message>
    <message>
        <source>the file</source>
        <translation>파일</translation>
    </message>
    <message>
        <source>the file to import</source>
        <translation>가져올 파일</translation>
    </message>
    <message>
        <source>the file to write; its suffix picks the format (.pdf)</source>
        <translation>쓸 파일(확장자로 형식을 정함: .pdf)</translation>
    </message>
    <message>
        <source>the file to write; its suffix picks the format (.pdf, .json, .csv, .xlsx, .xml, .gan, .graphml, .ics, .tjp)</source>
        <translation>쓸 파일; 확장자로 형식을 고릅니다(.pdf, .json, .csv, .xlsx, .xml, .gan, .graphml, .ics, .tjp)</translation>
    </message>
    <message>
        <source>the format of SRC (default: from its suffix)</source>
        <translation>SRC의 형식(기본값: 확장자로 판단)</translation>
    </message>
    <message>
        <source>the guideline profile (an id or a .yaml file; default: the plan&apos;s own)</source>
        <translation>지침 프로파일(ID 또는 .yaml 파일, 기본값: 계획에 지정된 프로파일)</translation>
    </message>
    <message>
        <source>the key &quot;{key}&quot; appears twice in one object</source>
        <translation>한 객체에 키 &quot;{key}&quot;가 두 번 나옵니다</translation>
    </message>
    <message>
        <source>the merged plan file to write</source>
        <translation>병합 결과를 저장할 계획 파일</translation>
    </message>
    <message>
        <source>the month progress is judged at (default: this month)</source>
        <translation>진척을 판단할 기준 월(기본값: 이번 달)</translation>
    </message>
    <message>
        <source>the new plan file to write (with restore)</source>
        <translation>새로 쓸 계획 파일(restore와 함께)</translation>
    </message>
    <message>
        <source>the package file to write</source>
        <translation>쓸 패키지 파일</translation>
    </message>
    <message>
        <source>the plan file</source>
        <translation>계획 파일</translation>
    </message>
    <message>
        <source>the plan file to import into</source>
        <translation>가져올 대상 계획 파일</translation>
    </message>
    <message>
        <source>the plan file to write</source>
        <translation>쓸 계획 파일</translation>
    </message>
    <message>
        <source>the plan file, or a team plan&apos;s postgresql:// address</source>
        <translation>계획 파일 또는 팀 계획의 postgresql:// 주소</translation>
    </message>
    <message>
        <source>the plan was replaced</source>
        <translation>계획 전체를 바꿈</translation>
    </message>
    <message>
        <source>the plan&apos;s first year</source>
        <translation>계획 시작 연도</translation>
    </message>
    <message>
        <source>the plan&apos;s last year</source>
        <translation>계획 종료 연도</translation>
    </message>
    <message>
        <source>the plan&apos;s title</source>
        <translation>계획 제목</translation>
    </message>
    <message>
        <source>the profile to copy</source>
        <translation>복사할 프로파일</translation>
    </message>
    <message>
        <source>the project</source>
        <translation>프로젝트</translation>
    </message>
    <message>
        <source>the same value used twice after merging</source>
        <translation>병합 후 같은 값 중복</translation>
    </message>
    <message>
        <source>the start of the plan period ({month})</source>
        <translation>계획 기간의 시작({month})</translation>
    </message>
    <message>
        <source>the team database, e.g. postgresql://kim@server/plan (the password from PGPASSWORD or ~/.pgpass is best; it is never stored)</source>
        <translation>팀 데이터베이스(예: postgresql://kim@server/plan). 비밀번호는 PGPASSWORD나 ~/.pgpass로 주는 것이 좋으며, 저장하지 않습니다</translation>
    </message>
    <message>
        <source>the version (as listed)</source>
        <translation>버전(목록에 표시된 ID)</translation>
    </message>
    <message>
        <source>the version&apos;s new name</source>
        <translation>버전의 새 이름</translation>
    </message>
    <message>
        <source>the view to show first</source>
        <translation>처음 보여 줄 화면</translation>
    </message>
    <message>
        <source>the year an annual plan is for (default: the plan&apos;s)</source>
        <translation>연도별 시행계획의 대상 연도(기본값: 계획에 지정된 연도)</translation>
    </message>
    <message>
        <source>their version</source>
        <translation>상대 쪽 버전</translation>
    </message>
    <message>
        <source>theirs</source>
        <translation>상대 쪽</translation>
    </message>
    <message>
        <source>theirs kept</source>
        <translation>상대 쪽 유지</translation>
    </message>
    <message>
        <source>there is no plan to import into</source>
        <translation>가져올 대상 계획이 없습니다</translation>
    </message>
    <message>
        <source>there is no plan to merge into</source>
        <translation>병합할 대상 계획이 없습니다</translation>
    </message>
    <message>
        <source>there is no plan to present</source>
        <translation>발표할 계획이 없습니다</translation>
    </message>
    <message>
        <source>title {percent}% alike</source>
        <translation>제목 유사도 {percent}%</translation>
    </message>
    <message>
        <source>too many fiscal years</source>
        <translation>지원 연수 초과</translation>
    </message>
    <message>
        <source>unexpected error: {error}</source>
        <translation>예상하지 못한 오류: {error}</translation>
    </message>
    <message>
        <source>unique identifiers</source>
        <translation>고유식별정보</translation>
    </message>
    <message>
        <source>untitled</source>
        <translation>제목 없음</translation>
    </message>
    <message>
        <source>upload a plan file to the team database</source>
        <translation>계획 파일을 팀 데이터베이스에 올리기</translation>
    </message>
    <message>
        <source>what if initiatives start later or earlier</source>
        <translation>과제가 늦어지거나 앞당겨지면 어떻게 되는지 보기</translation>
    </message>
    <message>
        <source>whose version the merged plan holds in a conflict until it is decided (default: ours)</source>
        <translation>충돌이 결정될 때까지 병합 결과에 담을 쪽(기본값: ours)</translation>
    </message>
    <message>
        <source>with --present: the slide to start at (1 is the first)</source>
        <translation>--present와 함께: 시작할 슬라이드 (1이 첫 번째)</translation>
    </message>
    <message>
        <source>with --present: the slides&apos; theme</source>
        <translation>--present와 함께: 슬라이드 테마</translation>
    </message>
    <message>
        <source>workshop rating</source>
        <translation>워크숍 평가</translation>
    </message>
    <message>
        <source>workshop round</source>
        <translation>워크숍 차수</translation>
    </message>
    <message>
        <source>workshop round entry</source>
        <translation>워크숍 차수 항목</translation>
    </message>
    <message>
        <source>write a draft marked 초안 / DRAFT even when the checks find errors</source>
        <translation>점검에서 오류가 나와도 &apos;초안 / DRAFT&apos; 표시가 있는 초안을 씁니다</translation>
    </message>
    <message>
        <source>write a new, empty plan</source>
        <translation>비어 있는 새 계획을 씁니다</translation>
    </message>
    <message>
        <source>write a synthetic plan of any size</source>
        <translation>원하는 크기의 합성 계획을 씁니다</translation>
    </message>
    <message>
        <source>write the demo plan</source>
        <translation>예시 계획을 씁니다</translation>
    </message>
    <message>
        <source>write the plan document (PDF) after checking it</source>
        <translation>계획을 점검한 뒤 계획 문서(PDF)를 씁니다</translation>
    </message>
    <message>
        <source>write the plan document (PDF, after checking it) or another format</source>
        <translation>계획 문서(PDF, 점검 후) 또는 다른 형식의 파일을 씁니다</translation>
    </message>
    <message>
        <source>year {offset} and source &apos;{source}&apos; appear twice</source>
        <translation>{offset}년차 &apos;{source}&apos; 재원이 두 번 있습니다</translation>
    </message>
    <message>
        <source>year {offset} has two targets</source>
        <translation>{offset}년차 목표가 두 개입니다</translation>
    </message>
    <message>
        <source>year {offset}: national share {share} % is above the {limit} % of its funding rule</source>
        <translation>{offset}년차: 국비 비율 {share}%가 재원 기준 {limit}%보다 높습니다</translation>
    </message>
    <message>
        <source>year {offset}: national share {share} % is below the {limit} % of its funding rule</source>
        <translation>{offset}년차: 국비 비율 {share}%가 재원 기준 {limit}%보다 낮습니다</translation>
    </message>
    <message>
        <source>year {offset}: {amount} KRW is above the {limit} KRW a year of its funding rule</source>
        <translation>{offset}년차: {amount}원으로 재원 기준의 연간 한도 {limit}원을 넘습니다</translation>
    </message>
    <message>
        <source>yearly amount above the cap</source>
        <translation>연간 한도 초과</translation>
    </message>
    <message>
        <source>{added} added, {changed} changed, {deleted} deleted</source>
        <translation>추가 {added}건, 변경 {changed}건, 삭제 {deleted}건</translation>
    </message>
    <message>
        <source>{amount} KRW</source>
        <translation>{amount}원</translation>
    </message>
    <message>
        <source>{checklist}: {count} items</source>
        <translation>{checklist}: {count}개 항목</translation>
    </message>
    <message>
        <source>{code} cannot start before {month}: {reason}.</source>
        <translation>{code} 과제는 {month} 이전에 시작할 수 없습니다: {reason}.</translation>
    </message>
    <message>
        <source>{code} ends in {finish}, after the plan period ends ({end}).</source>
        <translation>{code} 과제가 {finish}에 끝나 계획 기간 종료({end})를 넘습니다.</translation>
    </message>
    <message>
        <source>{code}, {year}</source>
        <translation>{code}, {year}년</translation>
    </message>
    <message>
        <source>{code}: &apos;{kpi}&apos; (last target {year}, finishes {finish})</source>
        <translation>{code}: &apos;{kpi}&apos;(마지막 목표 {year}년, 완료 {finish})</translation>
    </message>
    <message>
        <source>{code}: nobody is accountable (A).</source>
        <translation>{code}: 최종 책임자(A)가 없습니다.</translation>
    </message>
    <message>
        <source>{code}: nobody is responsible (R).</source>
        <translation>{code}: 실무 담당자(R)가 없습니다.</translation>
    </message>
    <message>
        <source>{code}: the delay must be a whole number of months, not &apos;{value}&apos;.</source>
        <translation>{code}: 지연은 개월 수(정수)로 적어야 합니다. &apos;{value}&apos;은(는) 쓸 수 없습니다.</translation>
    </message>
    <message>
        <source>{code}: the delay must be between {minimum} and {maximum} months.</source>
        <translation>{code}: 지연은 {minimum}개월에서 {maximum}개월 사이여야 합니다.</translation>
    </message>
    <message>
        <source>{code}: the last target of the KPI &apos;{kpi}&apos; is for {year}, before the initiative finishes ({finish}).</source>
        <translation>{code}: 성과지표 &apos;{kpi}&apos;의 마지막 목표 연도({year})가 과제 종료({finish})보다 앞섭니다.</translation>
    </message>
    <message>
        <source>{code}: the lead organisation {name} is not the accountable one (A).</source>
        <translation>{code}: 주관 기관 {name}이(가) 최종 책임자(A)가 아닙니다.</translation>
    </message>
    <message>
        <source>{code}: the milestone &apos;{milestone}&apos; ({month}) falls outside the initiative&apos;s months ({start} – {finish}).</source>
        <translation>{code}: 마일스톤 &apos;{milestone}&apos;({month})이 과제 기간({start} – {finish}) 밖에 있습니다.</translation>
    </message>
    <message>
        <source>{code}: {count} stakeholders are accountable (A): {names}; there should be exactly one.</source>
        <translation>{code}: 최종 책임자(A)가 {count}명입니다({names}). 한 명이어야 합니다.</translation>
    </message>
    <message>
        <source>{count} breaches</source>
        <translation>위반 {count}건</translation>
    </message>
    <message>
        <source>{count} changes</source>
        <translation>{count}건</translation>
    </message>
    <message>
        <source>{count} dependencies would start a task before its predecessor starts, which TaskJuggler cannot express; they are written as comments.</source>
        <translation>선후행 관계 {count}건은 선행 과제보다 먼저 시작하는 조건이라 TaskJuggler로 나타낼 수 없어 주석으로만 적었습니다.</translation>
    </message>
    <message>
        <source>{count} errors: fix them to export the PDF</source>
        <translation>오류 {count}건: 수정해야 PDF를 내보낼 수 있습니다</translation>
    </message>
    <message>
        <source>{count} initiatives run in {year}.</source>
        <translation>{year}년 추진과제는 {count}개임.</translation>
    </message>
    <message>
        <source>{count} items selected</source>
        <translation>{count}개 항목 선택됨</translation>
    </message>
    <message>
        <source>{count} new row(s) need a value for {column}, but the sheet has no such column.</source>
        <translation>새 행 {count}개에 {column} 값이 필요하지만 시트에 해당 열이 없습니다.</translation>
    </message>
    <message>
        <source>{count} pages</source>
        <translation>{count}쪽</translation>
    </message>
    <message>
        <source>{count} problem(s) found; nothing is imported and the plan is unchanged. Correct the file (or the column mapping) and check again.</source>
        <translation>문제 {count}건이 발견되어 가져오지 않았으며 계획은 바뀌지 않았습니다. 파일(또는 열 지정)을 고친 뒤 다시 검사하십시오.</translation>
    </message>
    <message>
        <source>{count} slide pictures saved in {folder}</source>
        <translation>슬라이드 그림 {count}장을 {folder}에 저장했습니다</translation>
    </message>
    <message>
        <source>{count} stakeholders are accountable (A) after merging: {names}; there should be exactly one.</source>
        <translation>병합하면 최종책임(A)이 {count}곳입니다: {names}. 한 곳이어야 합니다.</translation>
    </message>
    <message>
        <source>{deleter} deleted the {target_kind} {target}, which {holder} refers to in {field}.</source>
        <translation>{deleter}에서 {target_kind} {target}을(를) 삭제했지만 {holder}에서는 {field}에서 이를 참조합니다.</translation>
    </message>
    <message>
        <source>{deleter} deleted the {target_kind} {target}; {holder} has this {kind} under it.</source>
        <translation>{deleter}에서 {target_kind} {target}을(를) 삭제했지만 {holder}에는 그 아래에 이 {kind}이(가) 있습니다.</translation>
    </message>
    <message>
        <source>{deleter} deleted this {kind}; {keeper} changed it.</source>
        <translation>{deleter}에서 이 {kind}을(를) 삭제했고 {keeper}에서 변경했습니다.</translation>
    </message>
    <message>
        <source>{errors} error(s), {warnings} warning(s), {notes} note(s).</source>
        <translation>오류 {errors}건, 경고 {warnings}건, 참고 {notes}건입니다.</translation>
    </message>
    <message>
        <source>{field} is already read from column {column}.</source>
        <translation>{field}은(는) 이미 {column} 열에서 읽습니다.</translation>
    </message>
    <message>
        <source>{field} is longer than {limit} characters.</source>
        <translation>{field}이(가) {limit}자를 넘습니다.</translation>
    </message>
    <message>
        <source>{field} is required.</source>
        <translation>{field}을(를) 입력해야 합니다.</translation>
    </message>
    <message>
        <source>{field} must be a date such as 2026-09-10.</source>
        <translation>{field}은(는) 2026-09-10과 같은 날짜여야 합니다.</translation>
    </message>
    <message>
        <source>{field} must be a month such as 2027-03.</source>
        <translation>{field}은(는) 2027-03과 같은 연월이어야 합니다.</translation>
    </message>
    <message>
        <source>{field} must be a whole number from 1 to 5.</source>
        <translation>{field}은(는) 1부터 5까지의 정수여야 합니다.</translation>
    </message>
    <message>
        <source>{field} must be a whole number.</source>
        <translation>{field}은(는) 정수여야 합니다.</translation>
    </message>
    <message>
        <source>{field} must be at least {minimum}.</source>
        <translation>{field}은(는) {minimum} 이상이어야 합니다.</translation>
    </message>
    <message>
        <source>{field} must be at most {maximum}.</source>
        <translation>{field}은(는) {maximum} 이하여야 합니다.</translation>
    </message>
    <message>
        <source>{field} must not be empty.</source>
        <translation>{field}은(는) 비워 둘 수 없습니다.</translation>
    </message>
    <message>
        <source>{field} refers to an item that is not in the plan.</source>
        <translation>{field}이(가) 계획에 없는 항목을 가리킵니다.</translation>
    </message>
    <message>
        <source>{field}: &apos;{text}&apos; is not a valid value.</source>
        <translation>{field}: &apos;{text}&apos;은(는) 올바른 값이 아닙니다.</translation>
    </message>
    <message>
        <source>{field}: &apos;{value}&apos; is not one of the allowed values.</source>
        <translation>{field}: &apos;{value}&apos;은(는) 허용되는 값이 아닙니다.</translation>
    </message>
    <message>
        <source>{field}: choose a value.</source>
        <translation>{field}: 값을 선택하세요.</translation>
    </message>
    <message>
        <source>{field}: keep your value {value}</source>
        <translation>{field}: 내 값 {value} 유지</translation>
    </message>
    <message>
        <source>{field}: keep {name}&apos;s value {value}</source>
        <translation>{field}: {name} 님의 값 {value} 유지</translation>
    </message>
    <message>
        <source>{files} are not versions of the same plan (each began as a different plan), so there is no common version to merge from. Add --allow-unrelated to merge them anyway.</source>
        <translation>{files}은(는) 같은 계획의 버전이 아니어서(처음부터 서로 다른 계획) 병합의 기준이 될 공통 원본이 없습니다. 그래도 병합하려면 --allow-unrelated를 추가하십시오.</translation>
    </message>
    <message>
        <source>{file} already exists; add --force to replace it.</source>
        <translation>{file}이(가) 이미 있습니다. 바꾸려면 --force를 붙이십시오.</translation>
    </message>
    <message>
        <source>{file} already exists; choose another id.</source>
        <translation>{file}이(가) 이미 있습니다. 다른 ID를 정하십시오.</translation>
    </message>
    <message>
        <source>{file} can be imported into {plan} ({rows} rows read): {counts}. Nothing was written (--dry-run).</source>
        <translation>{file}을(를) {plan}에 가져올 수 있습니다(읽은 행 {rows}개): {counts}. 아무것도 쓰지 않았습니다(--dry-run).</translation>
    </message>
    <message>
        <source>{file} can be imported into {plan} ({rows} rows: {counts}); nothing was written (--dry-run).</source>
        <translation>{file}을(를) {plan}(으)로 가져올 수 있습니다({rows}개 행: {counts}). 아무것도 저장하지 않았습니다(--dry-run).</translation>
    </message>
    <message>
        <source>{file} cannot be published; nothing was changed on the server: {problems}{more}</source>
        <translation>{file}을(를) 게시할 수 없어 서버는 바꾸지 않았습니다: {problems}{more}</translation>
    </message>
    <message>
        <source>{file} could not be written: {reason}</source>
        <translation>{file}을(를) 쓰지 못했습니다: {reason}</translation>
    </message>
    <message>
        <source>{file} is a folder, not a file.</source>
        <translation>{file}은(는) 파일이 아니라 폴더입니다.</translation>
    </message>
    <message>
        <source>{file} is a folder, not a plan file.</source>
        <translation>{file}은(는) 계획 파일이 아니라 폴더입니다.</translation>
    </message>
    <message>
        <source>{file} is a folder; give a file name to write.</source>
        <translation>{file}은(는) 폴더입니다. 쓸 파일 이름을 주십시오.</translation>
    </message>
    <message>
        <source>{file} is larger than {limit} MB; it is not imported.</source>
        <translation>{file}이(가) {limit}MB보다 커서 가져오지 않았습니다.</translation>
    </message>
    <message>
        <source>{file} is not a file.</source>
        <translation>{file}은(는) 파일이 아닙니다.</translation>
    </message>
    <message>
        <source>{file} is not a version of this plan (it began as a different plan).</source>
        <translation>{file}은(는) 이 계획의 버전이 아닙니다(다른 계획으로 시작된 파일입니다).</translation>
    </message>
    <message>
        <source>{file} is one of the files being merged; write the merged plan to a new file.</source>
        <translation>{file}은(는) 병합 대상 파일입니다. 병합 결과는 새 파일로 저장하십시오.</translation>
    </message>
    <message>
        <source>{file} is open in Convergence Planner by {user} on {host} since {since}.</source>
        <translation>{file} 파일은 {since}부터 {host}에서 {user}님이 Convergence Planner로 열고 있습니다.</translation>
    </message>
    <message>
        <source>{file} is the open plan; choose another version of it.</source>
        <translation>{file}은(는) 지금 열린 계획입니다. 다른 버전을 고르십시오.</translation>
    </message>
    <message>
        <source>{file} is the plan being packaged; write the package to a new file.</source>
        <translation>{file}은(는) 패키지로 만드는 계획 파일입니다. 패키지는 새 파일로 쓰십시오.</translation>
    </message>
    <message>
        <source>{file} is the plan itself; exporting to it would replace the plan. Choose another file name.</source>
        <translation>{file}은(는) 계획 파일 자체입니다. 여기로 내보내면 계획이 바뀌므로 다른 파일 이름을 고르십시오.</translation>
    </message>
    <message>
        <source>{file} is the plan the version comes from; restore it to a new file.</source>
        <translation>{file}은(는) 해당 버전의 원본 계획입니다. 새 파일로 복원하십시오.</translation>
    </message>
    <message>
        <source>{file} records no saved versions yet.</source>
        <translation>{file}에는 아직 저장 버전이 없습니다.</translation>
    </message>
    <message>
        <source>{file} — {format}</source>
        <translation>{file} — {format}</translation>
    </message>
    <message>
        <source>{file}: &apos;{suffix}&apos; files cannot be imported; the app reads {formats}.</source>
        <translation>{file}: &apos;{suffix}&apos; 파일은 가져올 수 없습니다. 가져올 수 있는 형식: {formats}.</translation>
    </message>
    <message>
        <source>{file}: cplan export cannot write &apos;{suffix}&apos; files; it writes {formats}.</source>
        <translation>{file}: cplan export는 &apos;{suffix}&apos; 파일을 쓸 수 없습니다. 쓸 수 있는 형식: {formats}.</translation>
    </message>
    <message>
        <source>{file}: cplan import cannot read &apos;{suffix}&apos; files; it reads {formats}. Name the format with --format.</source>
        <translation>{file}: cplan import는 &apos;{suffix}&apos; 파일을 읽을 수 없습니다. 읽을 수 있는 형식: {formats}. --format으로 형식을 지정하십시오.</translation>
    </message>
    <message>
        <source>{file}: not imported, {count} problem(s) found; the plan is unchanged.</source>
        <translation>{file}: 문제 {count}건이 발견되어 가져오지 않았습니다. 계획은 변경되지 않았습니다.</translation>
    </message>
    <message>
        <source>{file}: {reason}</source>
        <translation>{file}: {reason}</translation>
    </message>
    <message>
        <source>{finish} is before the start {start}.</source>
        <translation>{finish}이(가) 시작일 {start}보다 앞섭니다.</translation>
    </message>
    <message>
        <source>{holder} Use Save As to keep the recovered changes.</source>
        <translation>{holder} 복구한 내용을 남기려면 &apos;다른 이름으로 저장&apos;을 쓰십시오.</translation>
    </message>
    <message>
        <source>{holder} You opened it read-only; use Save As to keep your changes in another file.</source>
        <translation>{holder} 읽기 전용으로 열었으니 바꾼 내용은 &apos;다른 이름으로 저장&apos;으로 다른 파일에 남기십시오.</translation>
    </message>
    <message>
        <source>{item}: AI-ethics self-check incomplete, {missing} of the {total} core requirements unanswered</source>
        <translation>{item}: 인공지능 윤리 자율점검 미완료(핵심 요건 {total}개 중 {missing}개 미응답)</translation>
    </message>
    <message>
        <source>{item}: dependency cycle {cycle}</source>
        <translation>{item}: 선후행 관계 순환({cycle})</translation>
    </message>
    <message>
        <source>{item}: dependency cycle {cycle}; {count} initiatives depend on each other in loops</source>
        <translation>{item}: 선후행 관계 순환({cycle}), 과제 {count}개가 순환 관계로 얽혀 있음</translation>
    </message>
    <message>
        <source>{item}: likely a duplicate of {other} ({reasons})</source>
        <translation>{item}: {other}과(와) 중복 가능성 있음({reasons})</translation>
    </message>
    <message>
        <source>{item}: missing {fields}</source>
        <translation>{item}: 필수 항목 누락({fields})</translation>
    </message>
    <message>
        <source>{item}: money planned in {count} fiscal years ({years}), more than the programme&apos;s {limit}</source>
        <translation>{item}: 예산이 {count}개 회계연도({years})에 편성되어 사업 기준 최대 {limit}개 연도를 초과함</translation>
    </message>
    <message>
        <source>{item}: money planned in {count} fiscal years ({years}), more than the {limit} allowed by &apos;{rule}&apos;</source>
        <translation>{item}: 예산이 {count}개 회계연도({years})에 편성되어 &apos;{rule}&apos;의 최대 {limit}개 연도를 초과함</translation>
    </message>
    <message>
        <source>{item}: national share {share}% is above the programme&apos;s {limit}% maximum ({year})</source>
        <translation>{item}: 국비 비율 {share}%가 사업 기준 최대 {limit}%보다 높음 ({year}년)</translation>
    </message>
    <message>
        <source>{item}: national share {share}% is above the {limit}% maximum of &apos;{rule}&apos; ({year})</source>
        <translation>{item}: 국비 비율 {share}%가 &apos;{rule}&apos;의 최대 {limit}%보다 높음 ({year}년)</translation>
    </message>
    <message>
        <source>{item}: national share {share}% is below the programme&apos;s {limit}% minimum ({year})</source>
        <translation>{item}: 국비 비율 {share}%가 사업 기준 최소 {limit}%보다 낮음 ({year}년)</translation>
    </message>
    <message>
        <source>{item}: national share {share}% is below the {limit}% minimum of &apos;{rule}&apos; ({year})</source>
        <translation>{item}: 국비 비율 {share}%가 &apos;{rule}&apos;의 최소 {limit}%보다 낮음 ({year}년)</translation>
    </message>
    <message>
        <source>{item}: no KPI</source>
        <translation>{item}: 성과지표 없음</translation>
    </message>
    <message>
        <source>{item}: no lead organisation or department</source>
        <translation>{item}: 주관 기관 또는 주관 부서 없음</translation>
    </message>
    <message>
        <source>{item}: no role on any initiative</source>
        <translation>{item}: 어느 과제에도 역할 없음</translation>
    </message>
    <message>
        <source>{item}: nobody is accountable (A)</source>
        <translation>{item}: 최종 책임자(A) 없음</translation>
    </message>
    <message>
        <source>{item}: nobody is responsible (R)</source>
        <translation>{item}: 실무 담당자(R) 없음</translation>
    </message>
    <message>
        <source>{item}: none of its {count} KPIs has both a baseline and a target</source>
        <translation>{item}: 성과지표 {count}개 중 기준값과 목표값을 모두 갖춘 지표 없음</translation>
    </message>
    <message>
        <source>{item}: runs {start} to {finish}, outside the plan period {first}–{last}</source>
        <translation>{item}: 추진 기간 {start}~{finish}이 계획 기간({first}~{last}년)을 벗어남</translation>
    </message>
    <message>
        <source>{item}: the budget lines add up to {sum}, but the declared total is {total} (difference {difference})</source>
        <translation>{item}: 예산 항목 합계 {sum}이(가) 총액 {total}과(와) 다름(차이 {difference})</translation>
    </message>
    <message>
        <source>{item}: the budget lines add up to {sum}, but the plan declares no total for this year and source</source>
        <translation>{item}: 예산 항목 합계는 {sum}이나 해당 연도·재원의 총액이 없음</translation>
    </message>
    <message>
        <source>{item}: the last target of KPI &apos;{kpi}&apos; is for {year}, before the initiative finishes in {finish}</source>
        <translation>{item}: 성과지표 &apos;{kpi}&apos;의 마지막 목표 연도({year}년)가 과제 종료 연도({finish}년)보다 이름</translation>
    </message>
    <message>
        <source>{item}: the lead organisation {name} is not the accountable one (A)</source>
        <translation>{item}: 주관 기관 {name}이(가) 최종 책임자(A)가 아님</translation>
    </message>
    <message>
        <source>{item}: trustworthy-AI self-check incomplete, {missing} of the {total} requirements unanswered</source>
        <translation>{item}: 신뢰할 수 있는 인공지능 자율점검 미완료(요건 {total}개 중 {missing}개 미응답)</translation>
    </message>
    <message>
        <source>{item}: {amount} planned in {year} is above the programme&apos;s {limit} a year</source>
        <translation>{item}: {year}년 계획 금액 {amount}이(가) 사업 기준 연간 한도 {limit}을(를) 초과함</translation>
    </message>
    <message>
        <source>{item}: {amount} planned in {year} is above the {limit} a year allowed by &apos;{rule}&apos;</source>
        <translation>{item}: {year}년 계획 금액 {amount}이(가) &apos;{rule}&apos;의 연간 한도 {limit}을(를) 초과함</translation>
    </message>
    <message>
        <source>{item}: {count} data subjects (the threshold is {threshold}): a privacy impact assessment is required but not marked as planned or done</source>
        <translation>{item}: 정보주체 {count}명(기준 {threshold}명 이상)으로 개인정보 영향평가 대상이나 영향평가 계획·실시 표시 없음</translation>
    </message>
    <message>
        <source>{item}: {count} data subjects with sensitive data or unique identifiers (the threshold is {threshold}): a privacy impact assessment is required but not marked as planned or done</source>
        <translation>{item}: 민감정보 또는 고유식별정보 처리 정보주체 {count}명(기준 {threshold}명 이상)으로 개인정보 영향평가 대상이나 영향평가 계획·실시 표시 없음</translation>
    </message>
    <message>
        <source>{item}: {count} partners ({sectors}) responsible (R) or consulted (C); at least {minimum} required</source>
        <translation>{item}: 실무 담당(R) 또는 협의(C) 역할의 협력기관({sectors})이 {count}곳으로 최소 {minimum}곳에 못 미침</translation>
    </message>
    <message>
        <source>{item}: {count} stakeholders are accountable (A): {names}; there should be exactly one</source>
        <translation>{item}: 최종 책임자(A)가 {count}명임({names}), 한 명이어야 함</translation>
    </message>
    <message>
        <source>{item}: {field} &apos;{value}&apos; is not one of the allowed values ({values})</source>
        <translation>{item}: {field} &apos;{value}&apos;은(는) 허용된 값({values})이 아님</translation>
    </message>
    <message>
        <source>{item}: {field} is empty; allowed values: {values}</source>
        <translation>{item}: {field} 값 없음(허용된 값: {values})</translation>
    </message>
    <message>
        <source>{key}: choose one of {choices}.</source>
        <translation>{key}: {choices} 중 하나를 선택하십시오.</translation>
    </message>
    <message>
        <source>{kind} already in the plan</source>
        <translation>계획에 이미 있는 {kind}</translation>
    </message>
    <message>
        <source>{kind} {label}, field {field}: {problem}</source>
        <translation>{kind} {label}, 항목 {field}: {problem}</translation>
    </message>
    <message>
        <source>{kind}: adds {added}</source>
        <translation>{kind}: {added}건 추가</translation>
    </message>
    <message>
        <source>{kind}: adds {added}, updates {updated}</source>
        <translation>{kind}: {added}건 추가, {updated}건 수정</translation>
    </message>
    <message>
        <source>{kind}: updates {updated}</source>
        <translation>{kind}: {updated}건 수정</translation>
    </message>
    <message>
        <source>{kind}: {added} added, {updated} updated, {unchanged} unchanged</source>
        <translation>{kind}: {added}건 추가, {updated}건 수정, {unchanged}건 그대로</translation>
    </message>
    <message>
        <source>{kind}: {file_rows} in the file, {plan_rows} in the plan now</source>
        <translation>{kind}: 파일 {file_rows}건, 현재 계획 {plan_rows}건</translation>
    </message>
    <message>
        <source>{marker}  Bullet level {level}</source>
        <translation>{marker}  {level}단계 글머리</translation>
    </message>
    <message>
        <source>{mark} The budget lines do not add up to the declared total ({count} cells); their sum is shown in brackets.</source>
        <translation>{mark} 예산 내역의 합계가 계획상 총액과 일치하지 않음({count}개 칸). 괄호 안은 예산 내역의 합계임.</translation>
    </message>
    <message>
        <source>{message}
Base: {base}
Ours: {ours}
Theirs: {theirs}</source>
        <translation>{message}
공통 원본: {base}
우리 쪽: {ours}
상대 쪽: {theirs}</translation>
    </message>
    <message>
        <source>{months} mo</source>
        <translation>{months}개월</translation>
    </message>
    <message>
        <source>{months} months</source>
        <translation>{months}개월</translation>
    </message>
    <message>
        <source>{name} already exists. Do you want to replace it?</source>
        <translation>{name}이(가) 이미 있습니다. 바꿀까요?</translation>
    </message>
    <message>
        <source>{name} changed the {kind} “{label}” at {time} after you read it ({fields}); your edit was not made. Reload it, keep yours or merge.</source>
        <translation>불러온 뒤 {name}님이 {time}에 {kind} “{label}”을(를) 수정했습니다({fields}). 내 편집은 반영되지 않았습니다. 다시 불러오기, 내 것 유지, 병합 중에서 고르십시오.</translation>
    </message>
    <message>
        <source>{name} changed the {kind} “{label}” at {time} after you read it; your edit was not made. Reload it, keep yours or merge.</source>
        <translation>불러온 뒤 {name}님이 {time}에 {kind} “{label}”을(를) 수정했습니다. 내 편집은 반영되지 않았습니다. 다시 불러오기, 내 것 유지, 병합 중에서 고르십시오.</translation>
    </message>
    <message>
        <source>{name} changed “{label}” at {time}. Choose whose value to keep for each field both of you changed; your other changes are kept.</source>
        <translation>{name} 님이 {time}에 “{label}”을(를) 변경했습니다. 두 사람이 모두 변경한 항목마다 유지할 값을 고르십시오. 내 나머지 변경 내용은 유지됩니다.</translation>
    </message>
    <message>
        <source>{name} has no role on any initiative.</source>
        <translation>{name}은(는) 어느 과제에도 역할이 없습니다.</translation>
    </message>
    <message>
        <source>{name} is already open.</source>
        <translation>{name}은(는) 이미 열려 있습니다.</translation>
    </message>
    <message>
        <source>{name} is not allowed in a plan file.</source>
        <translation>계획 파일에는 {name} 값을 쓸 수 없습니다.</translation>
    </message>
    <message>
        <source>{name} — {date} · {count} initiatives</source>
        <translation>{name} — {date} · 과제 {count}개</translation>
    </message>
    <message>
        <source>{name}&apos;s value</source>
        <translation>{name} 님의 값</translation>
    </message>
    <message>
        <source>{nodes} initiatives · {links} links</source>
        <translation>추진과제 {nodes}개 · 연결 {links}개</translation>
    </message>
    <message>
        <source>{option} must be between 0 and {maximum}.</source>
        <translation>{option}은(는) 0에서 {maximum} 사이여야 합니다.</translation>
    </message>
    <message>
        <source>{ours} and {theirs} have no common saved version to merge from ({reason}). Give the version both started from as BASE: cplan merge BASE OURS THEIRS --out OUT.</source>
        <translation>{ours}와(과) {theirs}에 병합의 기준이 될 공통 저장 버전이 없습니다({reason}). 두 파일이 출발한 버전을 BASE로 지정하십시오: cplan merge BASE OURS THEIRS --out OUT.</translation>
    </message>
    <message>
        <source>{path} is a folder, not a file.</source>
        <translation>{path}은(는) 파일이 아니라 폴더입니다.</translation>
    </message>
    <message>
        <source>{problems} (and {count} more)</source>
        <translation>{problems} (외 {count}건)</translation>
    </message>
    <message>
        <source>{program}: {problem} (see &apos;{program} --help&apos;)</source>
        <translation>{program}: {problem} (&apos;{program} --help&apos; 참고)</translation>
    </message>
    <message>
        <source>{reason}

You can continue on a local copy of the plan as you last saw it and merge it back later (File ▸ Merge Plan from File…).</source>
        <translation>{reason}

마지막으로 본 계획의 로컬 사본으로 계속 작업하고, 나중에 다시 병합할 수 있습니다(파일 ▸ 파일에서 계획 병합…).</translation>
    </message>
    <message>
        <source>{reason} Use Save As to keep your changes in another file.</source>
        <translation>{reason} 바꾼 내용을 다른 파일에 남기려면 &apos;다른 이름으로 저장&apos;을 쓰십시오.</translation>
    </message>
    <message>
        <source>{shown} of {total} changes</source>
        <translation>전체 {total}건 중 {shown}건</translation>
    </message>
    <message>
        <source>{shown} of {total} entries shown.</source>
        <translation>전체 {total}건 중 {shown}건을 표시했습니다.</translation>
    </message>
    <message>
        <source>{shown} of {total} findings shown</source>
        <translation>점검 결과 {total}건 중 {shown}건 표시</translation>
    </message>
    <message>
        <source>{source} must hold exactly one plan, not {count}.</source>
        <translation>{source}에는 계획이 정확히 하나 있어야 합니다(현재 {count}개).</translation>
    </message>
    <message>
        <source>{source}: not imported, {count} problem(s) found; the plan is unchanged.</source>
        <translation>{source}: 문제 {count}건이 발견되어 가져오지 않았습니다. 계획은 변경되지 않았습니다.</translation>
    </message>
    <message>
        <source>{stakeholders} stakeholders · {relations} relations</source>
        <translation>이해관계자 {stakeholders}명 · 관계 {relations}개</translation>
    </message>
    <message>
        <source>{start} – {finish} ({months} months)</source>
        <translation>{start} – {finish} ({months}개월)</translation>
    </message>
    <message>
        <source>{summary}
{lines}
Apply Anyway makes the open plan the merged one; the Checks view lists every finding.</source>
        <translation>{summary}
{lines}
[그래도 적용]을 누르면 열린 계획이 병합된 계획으로 바뀝니다. 점검 결과 전체는 [점검] 화면에서 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>{time} by {author}</source>
        <translation>{time} {author}</translation>
    </message>
    <message>
        <source>{total} {unit} in total</source>
        <translation>총 {total}{unit}</translation>
    </message>
    <message>
        <source>{type} link from {code} with a lag of {lag} month</source>
        <translation>{code}의 {type} 연결(지연 {lag}개월)</translation>
    </message>
    <message>
        <source>{type} link from {code} with a lag of {lag} months</source>
        <translation>{code}의 {type} 연결(지연 {lag}개월)</translation>
    </message>
    <message>
        <source>{type} link from {code} with a lag of {lag} months: left out, TaskJuggler cannot start a task before its predecessor starts.</source>
        <translation>{code}에서 오는 {type} 관계(지연 {lag}개월): 생략했습니다. TaskJuggler에서는 선행 과제보다 먼저 시작하는 조건을 나타낼 수 없습니다.</translation>
    </message>
    <message>
        <source>{type} link with a lag of {lag} months</source>
        <translation>{type} 연결, 지연 {lag}개월</translation>
    </message>
    <message>
        <source>{url} has a port that is not a number.</source>
        <translation>{url}의 포트가 숫자가 아닙니다.</translation>
    </message>
    <message>
        <source>{url} is not a PostgreSQL address; it must begin with postgresql://.</source>
        <translation>{url}은(는) PostgreSQL 주소가 아닙니다. postgresql://로 시작해야 합니다.</translation>
    </message>
    <message>
        <source>{url} is not a server address; write it as postgresql://USER@HOST:PORT/DATABASE.</source>
        <translation>{url}은(는) 서버 주소가 아닙니다. postgresql://사용자@호스트:포트/데이터베이스 형식으로 쓰십시오.</translation>
    </message>
    <message>
        <source>{url} names no database; write it as postgresql://USER@HOST:PORT/DATABASE.</source>
        <translation>{url}에 데이터베이스 이름이 없습니다. postgresql://사용자@호스트:포트/데이터베이스 형식으로 쓰십시오.</translation>
    </message>
    <message>
        <source>{url} was already set up for a team plan; its roles ({roles}) and permissions were checked.</source>
        <translation>{url}은(는) 이미 팀 계획용으로 준비되어 있습니다. 역할({roles})과 권한을 점검했습니다.</translation>
    </message>
    <message>
        <source>{values} is already used by {kind} {id}.</source>
        <translation>{values}은(는) 이미 {kind} {id}에서 사용 중입니다.</translation>
    </message>
    <message>
        <source>{value} is not a lag format of MS Project.</source>
        <translation>{value}은(는) MS Project의 지연 형식이 아닙니다.</translation>
    </message>
    <message>
        <source>{value} is outside the range {minimum} to {maximum}.</source>
        <translation>{value}은(는) 허용 범위({minimum}~{maximum})를 벗어납니다.</translation>
    </message>
    <message>
        <source>{version} is newer than this version of Convergence Planner reads ({supported})</source>
        <translation>{version}은(는) 이 버전의 Convergence Planner가 읽을 수 있는 형식({supported})보다 새 버전입니다</translation>
    </message>
    <message>
        <source>{version} matches several versions; give more of its id.</source>
        <translation>{version}에 해당하는 버전이 여러 개입니다. ID를 더 길게 입력하십시오.</translation>
    </message>
    <message>
        <source>{where} (new funding rule {name})</source>
        <translation>{where} (새 재원 기준 {name})</translation>
    </message>
    <message>
        <source>{where} (new {kind} {code})</source>
        <translation>{where} (새 {kind} {code})</translation>
    </message>
    <message>
        <source>{where}, year {year}</source>
        <translation>{where}, {year}년</translation>
    </message>
    <message>
        <source>{where}: money planned in {count} fiscal years ({years}), more than the {limit} allowed by &apos;{rule}&apos;</source>
        <translation>{where}: {count}개 회계연도({years})에 예산이 계획되어 &apos;{rule}&apos;의 최대 {limit}년을 넘습니다</translation>
    </message>
    <message>
        <source>{where}: national share {share} % is above the {limit} % maximum of &apos;{rule}&apos;</source>
        <translation>{where}: 국비 비율 {share}%가 &apos;{rule}&apos;의 최대 {limit}%를 넘습니다</translation>
    </message>
    <message>
        <source>{where}: national share {share} % is below the {limit} % minimum of &apos;{rule}&apos;</source>
        <translation>{where}: 국비 비율 {share}%가 &apos;{rule}&apos;의 최소 {limit}%에 못 미칩니다</translation>
    </message>
    <message>
        <source>{where}: {amount} planned is above the {limit} a year allowed by &apos;{rule}&apos;</source>
        <translation>{where}: 계획액 {amount}이 &apos;{rule}&apos;의 연간 한도 {limit}을 넘습니다</translation>
    </message>
    <message>
        <source>{written} of {total} written</source>
        <translation>{total}개 중 {written}개 작성</translation>
    </message>
    <message>
        <source>— ignore —</source>
        <translation>— 사용 안 함 —</translation>
    </message>
    <message>
        <source>— skip this sheet —</source>
        <translation>— 이 시트 건너뛰기 —</translation>
    </message>
    <message>
        <source>— the plan&apos;s profile “{id}” is not installed, so its plan type&apos;s default is used.</source>
        <translation>— 계획에 지정된 프로파일 “{id}”이(가) 설치되어 있지 않아 계획 유형의 기본 프로파일을 사용합니다.</translation>
    </message>
    <message>
        <source>… and {count} more fields</source>
        <translation>… 외 필드 {count}개</translation>
    </message>
    <message>
        <source>… and {count} more files</source>
        <translation>… 외 {count}개 파일</translation>
    </message>
    <message>
        <source>… and {count} more items</source>
        <translation>… 외 항목 {count}건</translation>
    </message>
    <message>
        <source>… and {count} more problems</source>
        <translation>… 외 문제 {count}건</translation>
    </message>
    <message>
        <source>… and {count} more.</source>
        <translation>… 외 {count}건.</translation>
    </message>
    <message>
        <source>…and {count} more</source>
        <translation>…외 {count}건</translation>
    </message>
    <message>
        <source>◂ Shallower</source>
        <translation>◂ 한 단계 위로</translation>
    </message>
    <message>
        <source>✓ The lines add up to the declared totals.</source>
        <translation>✓ 예산 항목의 합이 확정 총액과 일치합니다.</translation>
    </message>
    <message>
        <source>✓ Written</source>
        <translation>✓ 작성됨</translation>
    </message>
</context>
</TS>
