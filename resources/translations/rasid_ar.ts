<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name>AddEntity</name>
    <message>
        <source>Mark %1</source>
        <translation>تمييز %1</translation>
    </message>
</context>
<context>
    <name>AddIncident</name>
    <message>
        <source>Add incident</source>
        <translation>إضافة حادثة</translation>
    </message>
</context>
<context>
    <name>ApplyEntityToCorpus</name>
    <message>
        <source>Mark “%1” as %2 in every article</source>
        <translation>تمييز «%1» بوصفه %2 في كل المقالات</translation>
    </message>
</context>
<context>
    <name>ChangeEntityType</name>
    <message>
        <source>Change entity to %1</source>
        <translation>تغيير نوع الكيان إلى %1</translation>
    </message>
</context>
<context>
    <name>ConfirmField</name>
    <message>
        <source>Confirm %1</source>
        <translation>تأكيد %1</translation>
    </message>
</context>
<context>
    <name>ConfirmIncident</name>
    <message>
        <source>Confirm incident</source>
        <translation>تأكيد الحادثة</translation>
    </message>
</context>
<context>
    <name>DeleteIncident</name>
    <message>
        <source>Delete incident</source>
        <translation>حذف الحادثة</translation>
    </message>
</context>
<context>
    <name>MarkNoIncident</name>
    <message>
        <source>Mark article as having no incident</source>
        <translation>وسم المقال بأنه بلا حادثة</translation>
    </message>
</context>
<context>
    <name>MergeIncidents</name>
    <message>
        <source>Merge incidents</source>
        <translation>دمج الحوادث</translation>
    </message>
</context>
<context>
    <name>QLineEdit</name>
    <message>
        <source>&amp;Undo</source>
        <translation>تراجع</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>إعادة</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>قص</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>نسخ</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>لصق</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>حذف</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>تحديد الكل</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>%1 already exists; the repaired workspace needs a new file</source>
        <translation>%1 موجود من قبل؛ تحتاج مساحة العمل المصلحة إلى ملف جديد</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>أُلغي</translation>
    </message>
    <message>
        <source>Article lost in a repair</source>
        <translation>مقالة فُقدت في الإصلاح</translation>
    </message>
    <message>
        <source>articles whose rows a repair could not read</source>
        <translation>مقالات لم يستطع الإصلاح قراءة صفوفها</translation>
    </message>
    <message>
        <source>cannot copy %1 to a temporary folder</source>
        <translation>تعذر نسخ %1 إلى مجلد مؤقت</translation>
    </message>
    <message>
        <source>the repaired workspace still has %1 rows that refer to missing rows</source>
        <translation>ما زالت في مساحة العمل المصلحة %1 صفوف تشير إلى صفوف مفقودة</translation>
    </message>
    <message>
        <source>cannot read the file: the link points to %1, which does not exist</source>
        <translation>تعذرت قراءة الملف: الرابط يشير إلى %1 وهو غير موجود</translation>
    </message>
    <message>
        <source>cannot read the file: not a regular file</source>
        <translation>تعذرت قراءة الملف: ليس ملفًا عاديًا</translation>
    </message>
    <message>
        <source>cannot read the file: permission denied</source>
        <translation>تعذرت قراءة الملف: لا توجد صلاحية</translation>
    </message>
    <message>
        <source>file too large (%1 MB; the limit is %2 MB)</source>
        <translation>الملف كبير جدًا (%1 ميغابايت، والحد %2 ميغابايت)</translation>
    </message>
    <message>
        <source>cannot read the file: %1</source>
        <translation>تعذرت قراءة الملف: %1</translation>
    </message>
    <message>
        <source>file too large (over %1 MB)</source>
        <translation>الملف كبير جدًا (أكثر من %1 ميغابايت)</translation>
    </message>
    <message>
        <source>no article text in the file</source>
        <translation>لا يحتوي الملف على نص مقال</translation>
    </message>
    <message>
        <source>no readable article in the file</source>
        <translation>لا يحتوي الملف على مقال مقروء</translation>
    </message>
    <message>
        <source>the file is no longer in the folder</source>
        <translation>لم يعد الملف موجودًا في المجلد</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>تعذرت الكتابة في %1: %2</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>تعذر إنشاء المجلد %1.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>أُلغي.</translation>
    </message>
    <message>
        <source>Cannot write in the folder %1: %2</source>
        <translation>تعذرت الكتابة في المجلد %1: %2</translation>
    </message>
    <message>
        <source>Cannot replace %1.</source>
        <translation>تعذر استبدال %1.</translation>
    </message>
    <message>
        <source>The workspace %1 does not exist.</source>
        <translation>مساحة العمل %1 غير موجودة.</translation>
    </message>
    <message>
        <source>%1 is not a Rasid workspace (it is not an SQLite database). It was left untouched.</source>
        <translation>الملف %1 ليس مساحة عمل لراصد (ليس قاعدة بيانات SQLite). لم يُمسّ.</translation>
    </message>
    <message>
        <source>The workspace %1 is already open for writing by another Rasid process (pid %2 on %3). Close it there first; reading commands such as export, stats and search still work.</source>
        <translation>مساحة العمل %1 مفتوحة للكتابة في نسخة أخرى من راصد (العملية %2 على %3). أغلقها هناك أولًا؛ أما أوامر القراءة كالتصدير والإحصاءات والبحث فما زالت تعمل.</translation>
    </message>
    <message>
        <source>Cannot open the workspace %1: %2</source>
        <translation>تعذر فتح مساحة العمل %1: %2</translation>
    </message>
    <message>
        <source>%1 is an SQLite database but not a Rasid workspace. It was left untouched.</source>
        <translation>الملف %1 قاعدة بيانات SQLite لكنه ليس مساحة عمل لراصد. لم يُمسّ.</translation>
    </message>
    <message>
        <source>The workspace %1 was written by a newer Rasid (schema %2; this version reads up to %3).</source>
        <translation>كتبت مساحةَ العمل %1 نسخةٌ أحدث من راصد (المخطط %2، وهذه النسخة تقرأ حتى %3).</translation>
    </message>
    <message>
        <source>%1 is not a usable Rasid workspace: %2</source>
        <translation>الملف %1 ليس مساحة عمل صالحة لراصد: %2</translation>
    </message>
    <message>
        <source>The workspace %1 uses an older schema (%2); open it once for writing to upgrade it.</source>
        <translation>مساحة العمل %1 تستخدم مخططًا أقدم (%2)؛ افتحها مرة للكتابة لترقيتها.</translation>
    </message>
    <message>
        <source>Cannot upgrade the workspace %1: %2</source>
        <translation>تعذرت ترقية مساحة العمل %1: %2</translation>
    </message>
    <message>
        <source>Cannot write next to %1: %2</source>
        <translation>تعذرت الكتابة بجوار %1: %2</translation>
    </message>
    <message>
        <source>Cannot create the workbook %1.</source>
        <translation>تعذر إنشاء المصنف %1.</translation>
    </message>
    <message>
        <source>Cannot write the workbook %1: %2</source>
        <translation>تعذرت كتابة المصنف %1: %2</translation>
    </message>
    <message>
        <source>Cannot replace %1 with the new workbook.</source>
        <translation>تعذر استبدال %1 بالمصنف الجديد.</translation>
    </message>
    <message>
        <source>Cannot write %1: this build of Rasid has no XLSX support (libxlsxwriter was not found when it was built).</source>
        <translation>تعذرت كتابة %1: هذه النسخة من راصد لا تدعم XLSX (لم تُعثر على libxlsxwriter عند بنائها).</translation>
    </message>
    <message>
        <source>cannot read the folder: its name is not valid UTF-8 (a Windows Arabic name?); rename it to import its files</source>
        <translation>تعذرت قراءة المجلد: اسمه ليس بترميز UTF-8 صالح (اسم عربي من ويندوز؟)؛ غيّر اسمه لاستيراد ملفاته</translation>
    </message>
    <message>
        <source>cannot read the file: its name is not valid UTF-8 (a Windows Arabic name?); rename it to import it</source>
        <translation>تعذرت قراءة الملف: اسمه ليس بترميز UTF-8 صالح (اسم عربي من ويندوز؟)؛ غيّر اسمه لاستيراده</translation>
    </message>
    <message>
        <source>the disk is full or the workspace reached its size limit (%1)</source>
        <translation>القرص ممتلئ أو بلغت مساحة العمل حدها الأقصى للحجم (%1)</translation>
    </message>
    <message>
        <source>the workspace file is damaged (%1)</source>
        <translation>ملف مساحة العمل تالف (%1)</translation>
    </message>
    <message>
        <source>the workspace file cannot be written (%1)</source>
        <translation>تتعذر الكتابة في ملف مساحة العمل (%1)</translation>
    </message>
    <message>
        <source>the workspace file could not be read or written (%1)</source>
        <translation>تعذرت قراءة ملف مساحة العمل أو الكتابة فيه (%1)</translation>
    </message>
    <message>
        <source>%1 is damaged: it ends after %2 bytes, inside its first page (a copy or download cut short?). It was left untouched.</source>
        <translation>الملف %1 تالف: ينتهي بعد %2 بايت داخل صفحته الأولى (نسخ أو تنزيل لم يكتمل؟). تُرك كما هو دون تعديل.</translation>
    </message>
    <message>
        <source>The workspace %1 cannot be opened for writing: its folder is read-only. Copy it to a folder you can write to.</source>
        <translation>لا يمكن فتح مساحة العمل %1 للكتابة: مجلدها للقراءة فقط. انسخها إلى مجلد يمكنك الكتابة فيه.</translation>
    </message>
    <message>
        <source>%1 is damaged or is not a Rasid workspace (%2). It was left untouched.</source>
        <translation>الملف %1 تالف أو ليس مساحة عمل لراصد (%2). تُرك كما هو دون تعديل.</translation>
    </message>
    <message>
        <source>no schema version</source>
        <translation>لا يحمل رقم إصدار للمخطط</translation>
    </message>
    <message>
        <source>The workspace %1 is busy: another change did not finish within %2 s.</source>
        <translation>مساحة العمل %1 مشغولة: لم ينتهِ تعديل آخر خلال %2 ثانية.</translation>
    </message>
    <message>
        <source>The workspace %1 is damaged (%2). Nothing was written to it; restore it from a backup, or import the folder into a new workspace.</source>
        <translation>مساحة العمل %1 تالفة (%2). لم يُكتب فيها شيء؛ استعِدها من نسخة احتياطية أو استورد المجلد إلى مساحة عمل جديدة.</translation>
    </message>
    <message>
        <source>item %1: no article text is left after cleaning</source>
        <translation>العنصر %1: لم يبقَ نص للمقال بعد التنظيف</translation>
    </message>
    <message>
        <source>no article text is left after cleaning</source>
        <translation>لم يبقَ نص للمقال بعد التنظيف</translation>
    </message>
    <message>
        <source>The workspace %1 is empty: it is still being created, or its creation was interrupted. Wait for the import that creates it, or import into it again.</source>
        <translation>مساحة العمل %1 فارغة: ما زال إنشاؤها جاريًا، أو توقف قبل أن يكتمل. انتظر انتهاء الاستيراد الذي ينشئها، أو استورد إليها من جديد.</translation>
    </message>
    <message>
        <source>some bytes could not be decoded as %1 and were replaced with �; check the text</source>
        <translation>تعذّر فك ترميز بعض البايتات بترميز %1 فاستُبدلت بالرمز �؛ راجع النص</translation>
    </message>
    <message>
        <source>not read: the folder links outside the folder (to %1)</source>
        <translation>لم يُقرأ: المجلد رابط إلى خارج المجلد المفتوح (إلى %1)</translation>
    </message>
    <message>
        <source>not read: the file links outside the folder (to %1)</source>
        <translation>لم يُقرأ: الملف رابط إلى خارج المجلد المفتوح (إلى %1)</translation>
    </message>
    <message>
        <source>not read: the file became a link since the folder was scanned</source>
        <translation>لم يُقرأ: صار الملف رابطاً بعد فحص المجلد</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>تعذّرت قراءة %1: %2</translation>
    </message>
    <message>
        <source>%1 is not an SQLite database (its header is missing or damaged)</source>
        <translation>%1 ليس قاعدة بيانات SQLite (ترويسته مفقودة أو تالفة)</translation>
    </message>
    <message>
        <source>cannot open %1: %2</source>
        <translation>تعذّر فتح %1: %2</translation>
    </message>
    <message>
        <source>cannot read the schema of %1: %2</source>
        <translation>تعذّرت قراءة مخطط %1: %2</translation>
    </message>
    <message>
        <source>%1 row %2 refers to a missing row of %3</source>
        <translation>الصف %2 من %1 يشير إلى صف غير موجود في %3</translation>
    </message>
    <message>
        <source>cannot create the backup folder %1</source>
        <translation>تعذّر إنشاء مجلد النسخ الاحتياطية %1</translation>
    </message>
    <message>
        <source>cannot write the backup %1</source>
        <translation>تعذّرت كتابة النسخة الاحتياطية %1</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>OK</source>
        <translation>موافق</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>تطبيق</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>إعادة تعيين</translation>
    </message>
    <message>
        <source>Restore Defaults</source>
        <translation>استعادة الافتراضيات</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>مساعدة</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>حفظ</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>فتح</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>تجاهل</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>نعم</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>لا</translation>
    </message>
</context>
<context>
    <name>QWidgetTextControl</name>
    <message>
        <source>&amp;Copy</source>
        <translation>نسخ</translation>
    </message>
    <message>
        <source>Copy &amp;Link Location</source>
        <translation>نسخ عنوان الرابط</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>تحديد الكل</translation>
    </message>
</context>
<context>
    <name>Rasid::ActionRegistry</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>نسخ</translation>
    </message>
    <message>
        <source>Cut</source>
        <translation>قص</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>لصق</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>تحديد الكل</translation>
    </message>
</context>
<context>
    <name>Rasid::ArticleListPanel</name>
    <message>
        <source>From the overview: %1</source>
        <translation>من النظرة العامة: %1</translation>
    </message>
    <message>
        <source>%1 / %2 reviewed</source>
        <translation>روجع %1 من %2</translation>
    </message>
    <message>
        <source>%1 shown</source>
        <translation>المعروض %1</translation>
    </message>
    <message>
        <source>Any review state</source>
        <translation>كل حالات المراجعة</translation>
    </message>
    <message>
        <source>Not reviewed yet</source>
        <translation>لم يُراجَع بعد</translation>
    </message>
    <message>
        <source>Any country</source>
        <translation>كل البلدان</translation>
    </message>
    <message>
        <source>Any attack type</source>
        <translation>كل أنواع الهجمات</translation>
    </message>
    <message>
        <source>Search the articles (Arabic-aware)</source>
        <translation>ابحث في المقالات (بحث يراعي العربية)</translation>
    </message>
    <message>
        <source>Filter by review state</source>
        <translation>التصفية حسب حالة المراجعة</translation>
    </message>
    <message>
        <source>Filter by victim country</source>
        <translation>التصفية حسب بلد الضحية</translation>
    </message>
    <message>
        <source>Filter by attack type</source>
        <translation>التصفية حسب نوع الهجوم</translation>
    </message>
</context>
<context>
    <name>Rasid::ArticlePane</name>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Position of this article in the list</source>
        <translation>موضع هذا المقال في القائمة</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>ليس الآن</translation>
    </message>
    <message>
        <source>No article selected</source>
        <translation>لم يُختر أي مقال</translation>
    </message>
    <message>
        <source>Find in this article (Arabic-aware)</source>
        <translation>ابحث في هذا المقال (يراعي العربية)</translation>
    </message>
    <message>
        <source>Your note on this article (exported with its incidents)</source>
        <translation>ملاحظتك على هذا المقال (تُصدَّر مع حوادثه)</translation>
    </message>
    <message>
        <source>Close the find bar (Esc)</source>
        <translation>إغلاق شريط البحث (Esc)</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>لا نتائج</translation>
    </message>
</context>
<context>
    <name>Rasid::ExportDialog</name>
    <message>
        <source>Start the file with a byte order mark (for Excel)</source>
        <translation>ابدأ الملف بعلامة ترتيب البايتات (لبرنامج Excel)</translation>
    </message>
    <message>
        <source>Export Incidents</source>
        <translation>تصدير الحوادث</translation>
    </message>
    <message>
        <source>CSV (the Rasid column contract)</source>
        <translation>CSV (أعمدة راصد المعتمدة)</translation>
    </message>
    <message>
        <source>JSON lines (one incident per line, with evidence spans)</source>
        <translation>أسطر JSON (حادثة في كل سطر، مع مواضع الأدلة)</translation>
    </message>
    <message>
        <source>Excel workbook (XLSX)</source>
        <translation>مصنف Excel ‏(XLSX)</translation>
    </message>
    <message>
        <source>VERIS JSON (VCDB style)</source>
        <translation>VERIS JSON (على طريقة VCDB)</translation>
    </message>
    <message>
        <source>STIX 2.1 bundle (for threat-intelligence platforms)</source>
        <translation>حزمة STIX 2.1 (لمنصات استخبارات التهديدات)</translation>
    </message>
    <message>
        <source>MISP events (one collection file)</source>
        <translation>أحداث MISP (في ملف مجموعة واحد)</translation>
    </message>
    <message>
        <source>Suggested and confirmed (not rejected)</source>
        <translation>المقترحة والمؤكدة (غير المرفوضة)</translation>
    </message>
    <message>
        <source>Confirmed only</source>
        <translation>المؤكدة فقط</translation>
    </message>
    <message>
        <source>Suggested only (not yet reviewed)</source>
        <translation>المقترحة فقط (لم تُراجع بعد)</translation>
    </message>
    <message>
        <source>All, rejected included</source>
        <translation>الكل، بما فيها المرفوضة</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>استعراض…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>تصدير</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>الصيغة:</translation>
    </message>
    <message>
        <source>&amp;Incidents:</source>
        <translation>الحوادث:</translation>
    </message>
    <message>
        <source>&amp;Save to:</source>
        <translation>الحفظ في:</translation>
    </message>
    <message>
        <source>%1 files (*.%2)</source>
        <translation>ملفات %1 ‏(*.%2)</translation>
    </message>
    <message>
        <source>Choose where to save the export.</source>
        <translation>اختر مكان حفظ التصدير.</translation>
    </message>
    <message>
        <source>This export format is not available in this build.</source>
        <translation>صيغة التصدير هذه غير متاحة في هذه النسخة.</translation>
    </message>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation>المجلد %1 غير موجود.</translation>
    </message>
    <message>
        <source>%1 exists and will be replaced.</source>
        <translation>الملف %1 موجود وسيُستبدل.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>تعذرت الكتابة في %1: %2</translation>
    </message>
    <message>
        <source>%1 is inside the article folder: the next import would read the export as an article. Save it elsewhere.</source>
        <translation>‏%1 داخل مجلد المقالات: سيقرأ الاستيراد التالي الملف المُصدَّر على أنه مقال. احفظه في مكان آخر.</translation>
    </message>
</context>
<context>
    <name>Rasid::ExportRunner</name>
    <message>
        <source>Export</source>
        <translation>تصدير</translation>
    </message>
    <message>
        <source>Exporting to %1…</source>
        <translation>جارٍ التصدير إلى %1…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>Cancelling the export…</source>
        <translation>جارٍ إلغاء التصدير…</translation>
    </message>
    <message>
        <source>Exporting to %1: %2 of %3 incidents…</source>
        <translation>جارٍ التصدير إلى %1: %2 من %3 حادثة…</translation>
    </message>
    <message>
        <source>The export was cancelled; nothing was written.</source>
        <translation>أُلغي التصدير، ولم يُكتب شيء.</translation>
    </message>
</context>
<context>
    <name>Rasid::FieldDelegate</name>
    <message>
        <source>Needs a look: %1</source>
        <translation>يحتاج إلى نظرة: %1</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(فارغ)</translation>
    </message>
</context>
<context>
    <name>Rasid::FieldForm</name>
    <message>
        <source>Suggested «%1» at %2, below the %3 you set: not filled in. Confirm to accept it, or type the right value.</source>
        <translation>اقتُرح «%1» بثقة %2، دون الحد الذي حددته (%3): لم يُملأ. أكّده لقبوله، أو اكتب القيمة الصحيحة.</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>غير محدد</translation>
    </message>
    <message>
        <source>Extraction confidence</source>
        <translation>ثقة الاستخراج</translation>
    </message>
    <message>
        <source>No evidence in the article</source>
        <translation>لا دليل في المقال</translation>
    </message>
    <message>
        <source>Show in the article: %1</source>
        <translation>اعرضه في المقال: %1</translation>
    </message>
</context>
<context>
    <name>Rasid::ImportStatusWidget</name>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>Stop the import after the current batch; what was read is kept</source>
        <translation>أوقف الاستيراد بعد الدفعة الحالية؛ يُحتفظ بما قُرئ</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>جارٍ استيراد %1…</translation>
    </message>
    <message>
        <source>%L1 / %L2 files</source>
        <translation>%L1 / %L2 ملفًا</translation>
    </message>
    <message>
        <source>Cancelling the import…</source>
        <translation>جارٍ إلغاء الاستيراد…</translation>
    </message>
</context>
<context>
    <name>Rasid::IncidentPanel</name>
    <message>
        <source>Incidents (%L1)</source>
        <translation>الحوادث (%L1)</translation>
    </message>
    <message>
        <source>Incident %1</source>
        <translation>الحادثة %1</translation>
    </message>
    <message>
        <source>No incident selected</source>
        <translation>لم تُختر أي حادثة</translation>
    </message>
    <message>
        <source>Your note on this incident (exported with it)</source>
        <translation>ملاحظتك على هذه الحادثة (تُصدَّر معها)</translation>
    </message>
</context>
<context>
    <name>Rasid::ItemModels::ArticleListModel</name>
    <message>
        <source>State</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <source>Outlet</source>
        <translation>المصدر</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>التاريخ</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>البلد</translation>
    </message>
    <message>
        <source>Attack</source>
        <translation>الهجوم</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>الحوادث</translation>
    </message>
    <message>
        <source>Cannot list the articles.</source>
        <translation>تعذر عرض قائمة المقالات.</translation>
    </message>
    <message>
        <source>(untitled article %1)</source>
        <translation>(مقال بلا عنوان %1)</translation>
    </message>
    <message>
        <source>Some bytes of this article could not be decoded and were replaced with �.</source>
        <translation>تعذّر فك ترميز بعض بايتات هذا المقال فاستُبدلت بالرمز �.</translation>
    </message>
</context>
<context>
    <name>Rasid::ItemModels::EntityModel</name>
    <message>
        <source>Type</source>
        <translation>النوع</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>النص</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>القيمة</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>البداية</translation>
    </message>
    <message>
        <source>End</source>
        <translation>النهاية</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>الثقة</translation>
    </message>
</context>
<context>
    <name>Rasid::ItemModels::IncidentFieldModel</name>
    <message>
        <source>Value</source>
        <translation>القيمة</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>المصدر</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>الثقة</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>الدليل</translation>
    </message>
</context>
<context>
    <name>Rasid::ItemModels::IncidentListModel</name>
    <message>
        <source>Suggested</source>
        <translation>مقترحة</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>مؤكدة</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>مرفوضة</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <source>Attack</source>
        <translation>الهجوم</translation>
    </message>
    <message>
        <source>Victim</source>
        <translation>الضحية</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>الثقة</translation>
    </message>
    <message>
        <source>Added, not confirmed</source>
        <translation>أضافها المحلل، لم تؤكَّد</translation>
    </message>
    <message>
        <source>Added by the analyst: %1</source>
        <translation>أضافها المحلل: %1</translation>
    </message>
    <message>
        <source>Added by the analyst: no extraction confidence</source>
        <translation>أضافها المحلل: لا ثقة استخراج لها</translation>
    </message>
</context>
<context>
    <name>Rasid::ItemModels::ProblemsModel</name>
    <message>
        <source>File</source>
        <translation>الملف</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>المشكلة</translation>
    </message>
    <message>
        <source>When</source>
        <translation>الوقت</translation>
    </message>
    <message>
        <source>Warning: the file was read, with a loss. %1</source>
        <translation>تنبيه: قُرئ الملف مع فقدان بعض محتواه. %1</translation>
    </message>
    <message>
        <source>Error: the file was not read. %1</source>
        <translation>خطأ: لم يُقرأ الملف. %1</translation>
    </message>
</context>
<context>
    <name>Rasid::LegendWidget</name>
    <message>
        <source>%1 (%L2)</source>
        <translation>%1 (%L2)</translation>
    </message>
    <message>
        <source>Hide the %1 highlights</source>
        <translation>إخفاء تظليل %1</translation>
    </message>
    <message>
        <source>Show the %1 highlights</source>
        <translation>إظهار تظليل %1</translation>
    </message>
</context>
<context>
    <name>Rasid::MainWindow</name>
    <message>
        <source>Article</source>
        <translation>المقال</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>نظرة عامة</translation>
    </message>
    <message>
        <source>O&amp;verview</source>
        <translation>نظرة عامة</translation>
    </message>
    <message>
        <source>About Rasid</source>
        <translation>عن راصد</translation>
    </message>
    <message>
        <source>Rasid %1
A workbench for building cyber-incident datasets from Arabic news.</source>
        <translation>راصد %1
منصة عمل لبناء قواعد بيانات الحوادث السيبرانية من الأخبار العربية.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>ملف</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>فُتح مؤخرًا</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>تحرير</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>عرض</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>انتقال</translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation>مراجعة</translation>
    </message>
    <message>
        <source>&amp;Assign Selection To</source>
        <translation>إسناد التحديد إلى</translation>
    </message>
    <message>
        <source>E&amp;ntities</source>
        <translation>الكيانات</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>مساعدة</translation>
    </message>
    <message>
        <source>Open &amp;Folder…</source>
        <translation>فتح مجلد…</translation>
    </message>
    <message>
        <source>Open &amp;Workspace…</source>
        <translation>فتح مساحة عمل…</translation>
    </message>
    <message>
        <source>&amp;Re-import Folder</source>
        <translation>إعادة استيراد المجلد</translation>
    </message>
    <message>
        <source>&amp;Export Incidents…</source>
        <translation>تصدير الحوادث…</translation>
    </message>
    <message>
        <source>&amp;Close Workspace</source>
        <translation>إغلاق مساحة العمل</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>خروج</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>تراجع</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>إعادة</translation>
    </message>
    <message>
        <source>&amp;Search Articles</source>
        <translation>بحث في المقالات</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>الإعدادات…</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>تكبير</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>تصغير</translation>
    </message>
    <message>
        <source>&amp;Actual Size</source>
        <translation>الحجم الفعلي</translation>
    </message>
    <message>
        <source>Import &amp;Problems…</source>
        <translation>مشكلات الاستيراد…</translation>
    </message>
    <message>
        <source>&amp;Next Article</source>
        <translation>المقال التالي</translation>
    </message>
    <message>
        <source>&amp;Previous Article</source>
        <translation>المقال السابق</translation>
    </message>
    <message>
        <source>Next &amp;Unreviewed Article</source>
        <translation>المقال التالي غير المراجَع</translation>
    </message>
    <message>
        <source>Previous Unreviewed Article</source>
        <translation>المقال السابق غير المراجَع</translation>
    </message>
    <message>
        <source>Next &amp;Entity</source>
        <translation>الكيان التالي</translation>
    </message>
    <message>
        <source>Previous Entity</source>
        <translation>الكيان السابق</translation>
    </message>
    <message>
        <source>Confirm &amp;Field</source>
        <translation>تأكيد الحقل</translation>
    </message>
    <message>
        <source>&amp;Confirm Incident</source>
        <translation>تأكيد الحادثة</translation>
    </message>
    <message>
        <source>&amp;Reject Incident</source>
        <translation>رفض الحادثة</translation>
    </message>
    <message>
        <source>&amp;Add Incident</source>
        <translation>إضافة حادثة</translation>
    </message>
    <message>
        <source>&amp;Split Incident</source>
        <translation>تقسيم الحادثة</translation>
    </message>
    <message>
        <source>&amp;Merge Incidents</source>
        <translation>دمج الحوادث</translation>
    </message>
    <message>
        <source>&amp;Delete Incident</source>
        <translation>حذف الحادثة</translation>
    </message>
    <message>
        <source>Article Has &amp;No Incident</source>
        <translation>المقال بلا حادثة</translation>
    </message>
    <message>
        <source>&amp;Victim</source>
        <translation>الضحية</translation>
    </message>
    <message>
        <source>&amp;Actor</source>
        <translation>المهاجم</translation>
    </message>
    <message>
        <source>&amp;Records Affected</source>
        <translation>عدد السجلات المتأثرة</translation>
    </message>
    <message>
        <source>Incident &amp;Date</source>
        <translation>تاريخ الحادثة</translation>
    </message>
    <message>
        <source>Victim &amp;Country</source>
        <translation>بلد الضحية</translation>
    </message>
    <message>
        <source>Attack &amp;Type</source>
        <translation>نوع الهجوم</translation>
    </message>
    <message>
        <source>Actor C&amp;ountry</source>
        <translation>بلد المهاجم</translation>
    </message>
    <message>
        <source>&amp;Evidence</source>
        <translation>الدليل</translation>
    </message>
    <message>
        <source>&amp;Mark Selection as Entity…</source>
        <translation>تمييز التحديد ككيان…</translation>
    </message>
    <message>
        <source>&amp;About Rasid</source>
        <translation>عن راصد</translation>
    </message>
    <message>
        <source>Mark as %1</source>
        <translation>تمييز بوصفه %1</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>تراجع: %1</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>إعادة: %1</translation>
    </message>
    <message>
        <source>%1 — Rasid</source>
        <translation>%1 — راصد</translation>
    </message>
    <message>
        <source>Rasid</source>
        <translation>راصد</translation>
    </message>
    <message>
        <source>No recent workspaces</source>
        <translation>لا مساحات عمل حديثة</translation>
    </message>
    <message>
        <source>Clear the List</source>
        <translation>مسح القائمة</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s)</source>
        <translation>
            <numerusform>لا مشكلات</numerusform>
            <numerusform>مشكلة واحدة</numerusform>
            <numerusform>مشكلتان</numerusform>
            <numerusform>%n مشكلات</numerusform>
            <numerusform>%n مشكلة</numerusform>
            <numerusform>%n مشكلة</numerusform>
        </translation>
    </message>
    <message>
        <source>Files the import could not read: show them</source>
        <translation>ملفات تعذر على الاستيراد قراءتها: اعرضها</translation>
    </message>
    <message>
        <source>Shortcuts</source>
        <translation>الاختصارات</translation>
    </message>
    <message>
        <source>Two commands would share a shortcut (%1, %2); the shortcuts were not changed.</source>
        <translation>سيشترك أمران في اختصار واحد (%1، %2)؛ لم تُغيَّر الاختصارات.</translation>
    </message>
    <message>
        <source>The new interface language applies when Rasid starts again.</source>
        <translation>تُطبَّق لغة الواجهة الجديدة عند تشغيل راصد من جديد.</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>فتح</translation>
    </message>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1 غير موجود.</translation>
    </message>
    <message>
        <source>Open Folder</source>
        <translation>فتح مجلد</translation>
    </message>
    <message>
        <source>An import is running; wait for it or cancel it first.</source>
        <translation>يجري استيراد الآن؛ انتظر انتهاءه أو ألغه أولًا.</translation>
    </message>
    <message>
        <source>The folder %1 is read-only, so its workspace is kept in %2.</source>
        <translation>المجلد %1 للقراءة فقط، لذا حُفظت مساحة عمله في %2.</translation>
    </message>
    <message>
        <source>Open Workspace</source>
        <translation>فتح مساحة عمل</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>فُتح %1</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>لم يُحفظ: %1</translation>
    </message>
    <message>
        <source>Open a Folder of Articles</source>
        <translation>فتح مجلد مقالات</translation>
    </message>
    <message>
        <source>Open a Workspace</source>
        <translation>فتح مساحة عمل</translation>
    </message>
    <message>
        <source>Rasid workspaces (*.rasid);;All files (*)</source>
        <translation>مساحات عمل راصد (*.rasid);;كل الملفات (*)</translation>
    </message>
    <message>
        <source>Re-import Folder</source>
        <translation>إعادة استيراد المجلد</translation>
    </message>
    <message>
        <source>The folder of this workspace is not available: %1</source>
        <translation>مجلد مساحة العمل هذه غير متاح: %1</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>الاستيراد</translation>
    </message>
    <message numerus="yes">
        <source>Import cancelled: %n article(s) imported so far; open the folder again to resume.</source>
        <translation>
            <numerusform>أُلغي الاستيراد: لم يُستورد أي مقال بعد؛ افتح المجلد مجددًا للمتابعة.</numerusform>
            <numerusform>أُلغي الاستيراد: استُورد مقال واحد حتى الآن؛ افتح المجلد مجددًا للمتابعة.</numerusform>
            <numerusform>أُلغي الاستيراد: استُورد مقالان حتى الآن؛ افتح المجلد مجددًا للمتابعة.</numerusform>
            <numerusform>أُلغي الاستيراد: استُوردت %n مقالات حتى الآن؛ افتح المجلد مجددًا للمتابعة.</numerusform>
            <numerusform>أُلغي الاستيراد: استُورد %n مقالًا حتى الآن؛ افتح المجلد مجددًا للمتابعة.</numerusform>
            <numerusform>أُلغي الاستيراد: استُورد %n مقال حتى الآن؛ افتح المجلد مجددًا للمتابعة.</numerusform>
        </translation>
    </message>
    <message>
        <source>Exporting to %1…</source>
        <translation>جارٍ التصدير إلى %1…</translation>
    </message>
    <message numerus="yes">
        <source>%n incident(s) exported to %1.</source>
        <translation>
            <numerusform>لم تُصدَّر أي حادثة إلى %1.</numerusform>
            <numerusform>صُدِّرت حادثة واحدة إلى %1.</numerusform>
            <numerusform>صُدِّرت حادثتان إلى %1.</numerusform>
            <numerusform>صُدِّرت %n حوادث إلى %1.</numerusform>
            <numerusform>صُدِّرت %n حادثة إلى %1.</numerusform>
            <numerusform>صُدِّرت %n حادثة إلى %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>The export failed: %1</source>
        <translation>فشل التصدير: %1</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>التصدير</translation>
    </message>
    <message>
        <source>%1 has no readable article.</source>
        <translation>لا يحتوي %1 على مقال مقروء.</translation>
    </message>
    <message>
        <source>Imported %L1 article(s) from %L2 file(s); %L3 unchanged, %L4 could not be read.</source>
        <translation>المقالات المستوردة: %L1، من %L2 ملف؛ دون تغيير: %L3؛ تعذرت قراءته: %L4.</translation>
    </message>
    <message>
        <source>The workspace of the folder %1 is read-only, so Rasid keeps another one in %2.</source>
        <translation>مساحة عمل المجلد %1 للقراءة فقط، لذا يحتفظ راصد بمساحة عمل أخرى في %2.</translation>
    </message>
    <message>
        <source>This is the last incident of the article.</source>
        <translation>هذه آخر حادثة في المقال.</translation>
    </message>
    <message>
        <source>This is the first incident of the article.</source>
        <translation>هذه أول حادثة في المقال.</translation>
    </message>
    <message>
        <source>The step changes an article the list cannot show.</source>
        <translation>هذه الخطوة تغيّر مقالاً لا تستطيع القائمة عرضه.</translation>
    </message>
    <message>
        <source>Selected &amp;Articles</source>
        <translation>المقالات المحددة</translation>
    </message>
    <message>
        <source>Next &amp;Incident</source>
        <translation>الحادثة التالية</translation>
    </message>
    <message>
        <source>Previous Incident</source>
        <translation>الحادثة السابقة</translation>
    </message>
    <message>
        <source>Go to the Incident &amp;List</source>
        <translation>الانتقال إلى قائمة الحوادث</translation>
    </message>
    <message>
        <source>&amp;Find in Article</source>
        <translation>البحث في المقال</translation>
    </message>
    <message>
        <source>Find &amp;Next</source>
        <translation>النتيجة التالية</translation>
    </message>
    <message>
        <source>Find Pre&amp;vious</source>
        <translation>النتيجة السابقة</translation>
    </message>
    <message>
        <source>Mark Selected Articles &amp;Reviewed</source>
        <translation>وسم المقالات المحددة بأنها رُوجعت</translation>
    </message>
    <message>
        <source>Selected Articles Have &amp;No Incident</source>
        <translation>المقالات المحددة بلا حوادث</translation>
    </message>
    <message>
        <source>Reject All &amp;Suggested Incidents of the Selected Articles</source>
        <translation>رفض كل الحوادث المقترحة في المقالات المحددة</translation>
    </message>
    <message>
        <source>The workspace could not be backed up: %1</source>
        <translation>تعذّر أخذ نسخة احتياطية من مساحة العمل: %1</translation>
    </message>
    <message>
        <source>Your edits are signed as %1. Click to change the name in Settings.</source>
        <translation>تُوقَّع تعديلاتك باسم %1. انقر لتغيير الاسم في الإعدادات.</translation>
    </message>
    <message>
        <source>Restore from &amp;Backup…</source>
        <translation>الاستعادة من نسخة احتياطية…</translation>
    </message>
    <message>
        <source>Restoring the backup…</source>
        <translation>جارٍ استعادة النسخة الاحتياطية…</translation>
    </message>
    <message>
        <source>Restore from Backup</source>
        <translation>الاستعادة من نسخة احتياطية</translation>
    </message>
    <message>
        <source>The backup could not be restored, and the workspace is as it was: %1</source>
        <translation>تعذّرت استعادة النسخة الاحتياطية، وبقيت مساحة العمل كما كانت: %1</translation>
    </message>
    <message>
        <source>Restored the backup. The workspace as it was is kept as %1.</source>
        <translation>استُعيدت النسخة الاحتياطية. وحُفظت مساحة العمل كما كانت في %1.</translation>
    </message>
</context>
<context>
    <name>Rasid::MultiValueButton</name>
    <message>
        <source>none</source>
        <translation>لا شيء</translation>
    </message>
    <message>
        <source>, </source>
        <translation>، </translation>
    </message>
</context>
<context>
    <name>Rasid::NavigationController</name>
    <message>
        <source>This is the last article.</source>
        <translation>هذا آخر مقال.</translation>
    </message>
    <message>
        <source>This is the first article.</source>
        <translation>هذا أول مقال.</translation>
    </message>
    <message>
        <source>No other unreviewed article in the list.</source>
        <translation>لا يوجد في القائمة مقال آخر غير مراجَع.</translation>
    </message>
</context>
<context>
    <name>Rasid::OverviewCharts</name>
    <message>
        <source>Incidents</source>
        <translation>الحوادث</translation>
    </message>
    <message>
        <source>Decisions that day</source>
        <translation>قرارات اليوم</translation>
    </message>
    <message>
        <source>Decisions in all</source>
        <translation>مجموع القرارات</translation>
    </message>
    <message>
        <source>Incidents per month, by attack type</source>
        <translation>الحوادث في كل شهر حسب نوع الهجوم</translation>
    </message>
    <message>
        <source>Top victim countries</source>
        <translation>أكثر دول الضحايا</translation>
    </message>
    <message>
        <source>Attack types</source>
        <translation>أنواع الهجمات</translation>
    </message>
    <message>
        <source>Actor types</source>
        <translation>أنواع الفاعلين</translation>
    </message>
    <message>
        <source>Victim sectors</source>
        <translation>قطاعات الضحايا</translation>
    </message>
    <message>
        <source>Review progress</source>
        <translation>تقدم المراجعة</translation>
    </message>
    <message>
        <source>No date</source>
        <translation>بلا تاريخ</translation>
    </message>
    <message>
        <source>Not stated</source>
        <translation>غير مذكور</translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation>تعذرت كتابة %1</translation>
    </message>
</context>
<context>
    <name>Rasid::OverviewFiles</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>تعذرت كتابة %1: %2</translation>
    </message>
    <message>
        <source>Cannot create the folder %1</source>
        <translation>تعذر إنشاء المجلد %1</translation>
    </message>
</context>
<context>
    <name>Rasid::OverviewTableModel</name>
    <message numerus="yes">
        <source>%n incident(s): show their articles</source>
        <translation>
            <numerusform>لا حوادث: عرض مقالاتها</numerusform>
            <numerusform>حادثة واحدة: عرض مقالاتها</numerusform>
            <numerusform>حادثتان: عرض مقالاتها</numerusform>
            <numerusform>%n حوادث: عرض مقالاتها</numerusform>
            <numerusform>%n حادثة: عرض مقالاتها</numerusform>
            <numerusform>%n حادثة: عرض مقالاتها</numerusform>
        </translation>
    </message>
    <message>
        <source>Total</source>
        <translation>المجموع</translation>
    </message>
</context>
<context>
    <name>Rasid::OverviewWidget</name>
    <message numerus="yes">
        <source>Showing %n confirmed incident(s)</source>
        <translation>
            <numerusform>المعروض: لا حوادث مؤكدة</numerusform>
            <numerusform>المعروض: حادثة واحدة مؤكدة</numerusform>
            <numerusform>المعروض: حادثتان مؤكدتان</numerusform>
            <numerusform>المعروض: %n حوادث مؤكدة</numerusform>
            <numerusform>المعروض: %n حادثة مؤكدة</numerusform>
            <numerusform>المعروض: %n حادثة مؤكدة</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Showing %n suggested incident(s), not yet reviewed</source>
        <translation>
            <numerusform>المعروض: لا حوادث مقترحة لم تراجع بعد</numerusform>
            <numerusform>المعروض: حادثة واحدة مقترحة لم تراجع بعد</numerusform>
            <numerusform>المعروض: حادثتان مقترحة لم تراجع بعد</numerusform>
            <numerusform>المعروض: %n حوادث مقترحة لم تراجع بعد</numerusform>
            <numerusform>المعروض: %n حادثة مقترحة لم تراجع بعد</numerusform>
            <numerusform>المعروض: %n حادثة مقترحة لم تراجع بعد</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Showing %n confirmed and suggested incident(s)</source>
        <translation>
            <numerusform>المعروض: لا حوادث مؤكدة ومقترحة</numerusform>
            <numerusform>المعروض: حادثة واحدة مؤكدة ومقترحة</numerusform>
            <numerusform>المعروض: حادثتان مؤكدة ومقترحة</numerusform>
            <numerusform>المعروض: %n حوادث مؤكدة ومقترحة</numerusform>
            <numerusform>المعروض: %n حادثة مؤكدة ومقترحة</numerusform>
            <numerusform>المعروض: %n حادثة مؤكدة ومقترحة</numerusform>
        </translation>
    </message>
    <message>
        <source>Confirmed incidents</source>
        <translation>الحوادث المؤكدة</translation>
    </message>
    <message>
        <source>Suggested incidents</source>
        <translation>الحوادث المقترحة</translation>
    </message>
    <message>
        <source>Confirmed and suggested</source>
        <translation>المؤكدة والمقترحة</translation>
    </message>
    <message>
        <source>Which incidents the overview counts</source>
        <translation>أي الحوادث تحصيها النظرة العامة</translation>
    </message>
    <message>
        <source>Save Charts…</source>
        <translation>حفظ الرسوم…</translation>
    </message>
    <message>
        <source>Save each chart as PNG and SVG</source>
        <translation>حفظ كل رسم بصيغتي PNG وSVG</translation>
    </message>
    <message>
        <source>Victim countries by attack type</source>
        <translation>دول الضحايا حسب نوع الهجوم</translation>
    </message>
    <message>
        <source>Save the Charts in a Folder</source>
        <translation>حفظ الرسوم في مجلد</translation>
    </message>
    <message>
        <source>Cannot Save the Charts</source>
        <translation>تعذر حفظ الرسوم</translation>
    </message>
</context>
<context>
    <name>Rasid::PartialDateEdit</name>
    <message>
        <source>year?</source>
        <translation>السنة؟</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>السنة</translation>
    </message>
    <message>
        <source>month?</source>
        <translation>الشهر؟</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>الشهر</translation>
    </message>
    <message>
        <source>day?</source>
        <translation>اليوم؟</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>اليوم</translation>
    </message>
</context>
<context>
    <name>Rasid::ProblemsDialog</name>
    <message>
        <source>Import Problems</source>
        <translation>مشكلات الاستيراد</translation>
    </message>
    <message>
        <source>The import read every file.</source>
        <translation>قرأ الاستيراد كل الملفات.</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) could not be read, or only in part. Each is listed with the reason; the rest of the folder was imported.</source>
        <translation>
            <numerusform>لا ملفات تعذرت قراءتها.</numerusform>
            <numerusform>تعذرت قراءة ملف واحد أو قُرئ جزئيًا. وهو مدرج مع السبب؛ واستُورد باقي المجلد.</numerusform>
            <numerusform>تعذرت قراءة ملفين أو قُرئا جزئيًا. كل منهما مدرج مع السبب؛ واستُورد باقي المجلد.</numerusform>
            <numerusform>تعذرت قراءة %n ملفات أو قُرئت جزئيًا. كل منها مدرج مع السبب؛ واستُورد باقي المجلد.</numerusform>
            <numerusform>تعذرت قراءة %n ملفًا أو قُرئت جزئيًا. كل منها مدرج مع السبب؛ واستُورد باقي المجلد.</numerusform>
            <numerusform>تعذرت قراءة %n ملف أو قُرئت جزئيًا. كل منها مدرج مع السبب؛ واستُورد باقي المجلد.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Rasid::RecordsSpinBox</name>
    <message>
        <source>unknown</source>
        <translation>غير معروف</translation>
    </message>
</context>
<context>
    <name>Rasid::RemovedNote</name>
    <message>
        <source>scraper marks</source>
        <translation>علامات أداة الجمع</translation>
    </message>
    <message>
        <source>the title again</source>
        <translation>العنوان مكرراً</translation>
    </message>
    <message>
        <source>the outlet&apos;s name</source>
        <translation>اسم الوسيلة الإعلامية</translation>
    </message>
    <message>
        <source>a section label</source>
        <translation>اسم قسم</translation>
    </message>
    <message>
        <source>the outlet&apos;s masthead</source>
        <translation>ترويسة الصحيفة</translation>
    </message>
    <message>
        <source>page furniture (menus, sharing)</source>
        <translation>عناصر الصفحة (قوائم، أزرار مشاركة)</translation>
    </message>
    <message>
        <source>a date line</source>
        <translation>سطر تاريخ</translation>
    </message>
    <message>
        <source>a &quot;read also&quot; block</source>
        <translation>فقرة «اقرأ أيضاً»</translation>
    </message>
    <message>
        <source>a picture caption</source>
        <translation>تعليق على صورة</translation>
    </message>
    <message>
        <source>an advertisement</source>
        <translation>إعلان</translation>
    </message>
    <message>
        <source>a picture credit</source>
        <translation>حقوق صورة</translation>
    </message>
    <message>
        <source>a link</source>
        <translation>رابط</translation>
    </message>
    <message>
        <source>a repeated passage</source>
        <translation>مقطع مكرر</translation>
    </message>
    <message>
        <source>punctuation alone</source>
        <translation>علامات ترقيم وحدها</translation>
    </message>
    <message numerus="yes">
        <source>Cleaning left out %n passage(s) of the source</source>
        <translation>
            <numerusform>لم يحذف التنظيف شيئاً من المصدر</numerusform>
            <numerusform>حذف التنظيف مقطعاً واحداً من المصدر</numerusform>
            <numerusform>حذف التنظيف مقطعين من المصدر</numerusform>
            <numerusform>حذف التنظيف %n مقاطع من المصدر</numerusform>
            <numerusform>حذف التنظيف %n مقطعاً من المصدر</numerusform>
            <numerusform>حذف التنظيف %n مقطع من المصدر</numerusform>
        </translation>
    </message>
    <message>
        <source>Hide what cleaning left out</source>
        <translation>إخفاء ما حذفه التنظيف</translation>
    </message>
    <message>
        <source>Show what cleaning left out, and why</source>
        <translation>عرض ما حذفه التنظيف وسببه</translation>
    </message>
</context>
<context>
    <name>Rasid::RepairOffer</name>
    <message>
        <source>Open Workspace</source>
        <translation>فتح مساحة عمل</translation>
    </message>
    <message>
        <source>Rasid can salvage everything readable of it into a new workspace, your decisions and the audit log first. The damaged file stays as it is.</source>
        <translation>يستطيع راصد إنقاذ كل ما يمكن قراءته منها إلى مساحة عمل جديدة، بدءاً بقراراتك وسجل التدقيق. ويبقى الملف التالف كما هو.</translation>
    </message>
    <message>
        <source>Repair…</source>
        <translation>إصلاح…</translation>
    </message>
    <message>
        <source>Save the Repaired Workspace</source>
        <translation>حفظ مساحة العمل المصلحة</translation>
    </message>
    <message>
        <source>Rasid workspaces (*.rasid)</source>
        <translation>مساحات عمل راصد (*.rasid)</translation>
    </message>
    <message>
        <source>Repairing %1…</source>
        <translation>جارٍ إصلاح %1…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>Repair</source>
        <translation>إصلاح</translation>
    </message>
    <message>
        <source>The workspace could not be repaired: %1</source>
        <translation>تعذر إصلاح مساحة العمل: %1</translation>
    </message>
    <message>
        <source>%1 rows were saved into %2. %3 rows and %4 damaged pages could not be read; %5 incidents whose article was lost are kept under placeholder articles.</source>
        <translation>حُفظ %1 صفاً في %2. تعذرت قراءة %3 صفاً و%4 صفحة تالفة؛ وحُفظت الحوادث التي فُقدت مقالاتها (%5) تحت مقالات بديلة.</translation>
    </message>
</context>
<context>
    <name>Rasid::RestoreBackupDialog</name>
    <message>
        <source>Restore from Backup</source>
        <translation>الاستعادة من نسخة احتياطية</translation>
    </message>
    <message>
        <source>There is no backup of %1 yet. Rasid makes one after a few minutes of editing and when the workspace closes.</source>
        <translation>لا توجد نسخة احتياطية من %1 بعد. يأخذ راصد نسخة بعد دقائق من التحرير وعند إغلاق مساحة العمل.</translation>
    </message>
    <message>
        <source>Choose the backup of %1 to go back to. The workspace as it is now is kept as a backup first, so this too can be undone by restoring that one.</source>
        <translation>اختر نسخة %1 الاحتياطية التي تريد الرجوع إليها. تُحفظ مساحة العمل بحالتها الآن في نسخة احتياطية أولاً، فيمكن التراجع عن هذا أيضاً باستعادتها.</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>أُخذت في</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>الحجم</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>استعادة</translation>
    </message>
</context>
<context>
    <name>Rasid::ReviewActions</name>
    <message>
        <source>Select the words in the article first.</source>
        <translation>حدد الكلمات في المقال أولًا.</translation>
    </message>
    <message>
        <source>No number found in “%1”.</source>
        <translation>لم يُعثر على عدد في «%1».</translation>
    </message>
    <message>
        <source>No date found in “%1”.</source>
        <translation>لم يُعثر على تاريخ في «%1».</translation>
    </message>
    <message>
        <source>No country found in “%1”.</source>
        <translation>لم يُعثر على بلد في «%1».</translation>
    </message>
    <message>
        <source>No attack type found in “%1”.</source>
        <translation>لم يُعثر على نوع هجوم في «%1».</translation>
    </message>
    <message>
        <source>Assign “%1” to %2</source>
        <translation>إسناد «%1» إلى %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>“%1” cannot be stored as %2.</source>
        <translation>لا يمكن حفظ «%1» في %2.</translation>
    </message>
    <message>
        <source>Mark every “%1” in the corpus as %2 (also with و ف ب ل ال attached) and remember it for later imports?</source>
        <translation>هل تريد تمييز كل «%1» في المدونة بوصفه %2 (ومعه السوابق و ف ب ل ال) وتذكّره في عمليات الاستيراد اللاحقة؟</translation>
    </message>
    <message>
        <source>Apply to All Occurrences</source>
        <translation>تطبيق على كل المواضع</translation>
    </message>
    <message numerus="yes">
        <source>%n occurrence(s) marked in the corpus.</source>
        <translation>
            <numerusform>لم يُميَّز أي موضع في المدونة.</numerusform>
            <numerusform>مُيِّز موضع واحد في المدونة.</numerusform>
            <numerusform>مُيِّز موضعان في المدونة.</numerusform>
            <numerusform>مُيِّزت %n مواضع في المدونة.</numerusform>
            <numerusform>مُيِّز %n موضعًا في المدونة.</numerusform>
            <numerusform>مُيِّز %n موضع في المدونة.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>نسخ</translation>
    </message>
    <message>
        <source>&amp;Assign Selection To</source>
        <translation>إسناد التحديد إلى</translation>
    </message>
    <message>
        <source>&amp;Mark Selection as Entity</source>
        <translation>تمييز التحديد ككيان</translation>
    </message>
    <message>
        <source>Change Type of “%1”</source>
        <translation>تغيير نوع «%1»</translation>
    </message>
    <message>
        <source>Remove Entity “%1”</source>
        <translation>إزالة الكيان «%1»</translation>
    </message>
    <message>
        <source>Apply “%1” to All Occurrences</source>
        <translation>تطبيق «%1» على كل المواضع</translation>
    </message>
    <message>
        <source>Every incident of this article is decided.</source>
        <translation>حُسمت كل حوادث هذا المقال.</translation>
    </message>
</context>
<context>
    <name>Rasid::SettingsDialog</name>
    <message>
        <source>Fill in every suggestion</source>
        <translation>املأ كل الاقتراحات</translation>
    </message>
    <message>
        <source>A suggested field whose confidence is below this is not filled in: the form shows it as needing a look, and Confirm accepts it. Confidences are calibrated: of the fields shown at 80%, about 80% are right.</source>
        <translation>الحقل المقترح الذي تقل ثقته عن هذا الحد لا يُملأ: يعرضه النموذج على أنه يحتاج إلى نظرة، والتأكيد يقبله. الثقة معايَرة: من الحقول المعروضة بثقة 80٪ يصح نحو 80٪.</translation>
    </message>
    <message>
        <source>Fields need a &amp;look below:</source>
        <translation>تحتاج الحقول إلى &amp;نظرة دون:</translation>
    </message>
    <message>
        <source>Suggestions</source>
        <translation>الاقتراحات</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>الإعدادات</translation>
    </message>
    <message>
        <source>Your name, stored with every edit</source>
        <translation>اسمك، يُحفظ مع كل تعديل</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>لغة النظام</translation>
    </message>
    <message>
        <source>A new interface language applies at the next start.</source>
        <translation>تُطبَّق لغة الواجهة الجديدة عند التشغيل التالي.</translation>
    </message>
    <message>
        <source>&amp;Analyst name:</source>
        <translation>اسم المحلل:</translation>
    </message>
    <message>
        <source>Interface &amp;language:</source>
        <translation>لغة الواجهة:</translation>
    </message>
    <message>
        <source>General</source>
        <translation>عام</translation>
    </message>
    <message>
        <source> pt</source>
        <translation> نقطة</translation>
    </message>
    <message>
        <source>Article &amp;font:</source>
        <translation>خط المقال:</translation>
    </message>
    <message>
        <source>Font &amp;size:</source>
        <translation>حجم الخط:</translation>
    </message>
    <message>
        <source>Highlight colours:</source>
        <translation>ألوان التظليل:</translation>
    </message>
    <message>
        <source>Default colours</source>
        <translation>الألوان الافتراضية</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>المقال</translation>
    </message>
    <message>
        <source>Default shortcuts</source>
        <translation>الاختصارات الافتراضية</translation>
    </message>
    <message>
        <source>Shortcuts</source>
        <translation>الاختصارات</translation>
    </message>
    <message>
        <source>Colour for %1</source>
        <translation>لون %1</translation>
    </message>
    <message>
        <source>&amp;Back up the open workspace while I edit</source>
        <translation>نسخ مساحة العمل المفتوحة احتياطياً أثناء التحرير</translation>
    </message>
    <message>
        <source> min of editing</source>
        <translation> دقيقة من التحرير</translation>
    </message>
    <message>
        <source>A backup is also made when the workspace closes. File › Restore from Backup brings one back.</source>
        <translation>تُؤخذ نسخة احتياطية أيضاً عند إغلاق مساحة العمل. ملف › الاستعادة من نسخة احتياطية يعيدها.</translation>
    </message>
    <message>
        <source>Back up &amp;every:</source>
        <translation>نسخة احتياطية كل:</translation>
    </message>
    <message>
        <source>&amp;Keep the newest:</source>
        <translation>الاحتفاظ بأحدث:</translation>
    </message>
</context>
<context>
    <name>Rasid::ShortcutEditor</name>
    <message>
        <source>Clear</source>
        <translation>مسح</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>الافتراضي</translation>
    </message>
    <message>
        <source>Filter commands</source>
        <translation>تصفية الأوامر</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>الأمر</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>الاختصار</translation>
    </message>
    <message>
        <source>Press the new shortcut:</source>
        <translation>اضغط الاختصار الجديد:</translation>
    </message>
    <message>
        <source>%1 is already the shortcut of “%2”. Change that one first.</source>
        <translation>%1 هو اختصار «%2» بالفعل. غيّر ذاك أولًا.</translation>
    </message>
    <message>
        <source>“%1” has no shortcut now.</source>
        <translation>لم يعد لـ«%1» اختصار.</translation>
    </message>
    <message>
        <source>“%1” is now %2.</source>
        <translation>صار اختصار «%1» هو %2.</translation>
    </message>
    <message>
        <source>Every shortcut is back to its default.</source>
        <translation>أعيدت كل الاختصارات إلى قيمها الافتراضية.</translation>
    </message>
    <message>
        <source>%1 is kept for “%2” in the article and the fields.</source>
        <translation>‏%1 محجوز لأمر «%2» في المقال والحقول.</translation>
    </message>
</context>
<context>
    <name>Rasid::Store::Importer</name>
    <message>
        <source>%1 is not a folder.</source>
        <translation>%1 ليس مجلدًا.</translation>
    </message>
    <message>
        <source>The workspace %1 belongs to the folder %2, not %3.</source>
        <translation>مساحة العمل %1 تخص المجلد %2 لا المجلد %3.</translation>
    </message>
    <message>
        <source>Cannot read the workspace: %1</source>
        <translation>تعذرت قراءة مساحة العمل: %1</translation>
    </message>
    <message>
        <source>not an article file (no extension)</source>
        <translation>ليس ملف مقال (بلا امتداد)</translation>
    </message>
    <message>
        <source>not an article file (.%1)</source>
        <translation>ليس ملف مقال (‎.%1)</translation>
    </message>
    <message>
        <source>Cannot write to the workspace: %1</source>
        <translation>تعذرت الكتابة في مساحة العمل: %1</translation>
    </message>
    <message>
        <source>Cannot read the workspace lexicon: %1</source>
        <translation>تعذرت قراءة معجم مساحة العمل: %1</translation>
    </message>
</context>
<context>
    <name>Rasid::Store::ReviewStore</name>
    <message>
        <source>The workspace is open read-only.</source>
        <translation>مساحة العمل مفتوحة للقراءة فقط.</translation>
    </message>
    <message>
        <source>Cannot start a transaction: %1</source>
        <translation>تعذر بدء المعاملة: %1</translation>
    </message>
    <message>
        <source>Cannot save the change: %1</source>
        <translation>تعذر حفظ التغيير: %1</translation>
    </message>
    <message>
        <source>The change could not be saved.</source>
        <translation>تعذر حفظ التغيير.</translation>
    </message>
    <message>
        <source>Cannot write the audit log: %1</source>
        <translation>تعذرت الكتابة في سجل التدقيق: %1</translation>
    </message>
    <message>
        <source>Cannot save the fields of incident %1: %2</source>
        <translation>تعذر حفظ حقول الحادثة %1: %2</translation>
    </message>
    <message>
        <source>Cannot delete incident %1: %2</source>
        <translation>تعذر حذف الحادثة %1: %2</translation>
    </message>
    <message>
        <source>Cannot add the incident: %1</source>
        <translation>تعذرت إضافة الحادثة: %1</translation>
    </message>
    <message>
        <source>Cannot save incident %1: %2</source>
        <translation>تعذر حفظ الحادثة %1: %2</translation>
    </message>
    <message>
        <source>Cannot save the review state: %1</source>
        <translation>تعذر حفظ حالة المراجعة: %1</translation>
    </message>
    <message>
        <source>Cannot remove the entity: %1</source>
        <translation>تعذرت إزالة الكيان: %1</translation>
    </message>
    <message>
        <source>Cannot save the entity: %1</source>
        <translation>تعذر حفظ الكيان: %1</translation>
    </message>
    <message>
        <source>Cannot save the lexicon entry: %1</source>
        <translation>تعذر حفظ مدخل المعجم: %1</translation>
    </message>
    <message>
        <source>Article %1 does not exist.</source>
        <translation>المقال %1 غير موجود.</translation>
    </message>
    <message>
        <source>Incident %1 belongs to another article.</source>
        <translation>الحادثة %1 تخص مقالًا آخر.</translation>
    </message>
    <message>
        <source>Entity %1 belongs to another article.</source>
        <translation>الكيان %1 يخص مقالًا آخر.</translation>
    </message>
    <message>
        <source>Incident %1 does not exist.</source>
        <translation>الحادثة %1 غير موجودة.</translation>
    </message>
    <message>
        <source>Unknown incident field: %1</source>
        <translation>حقل حادثة غير معروف: %1</translation>
    </message>
    <message>
        <source>Some of the incidents to merge do not exist.</source>
        <translation>بعض الحوادث المراد دمجها غير موجودة.</translation>
    </message>
    <message>
        <source>Unknown entity type: %1</source>
        <translation>نوع كيان غير معروف: %1</translation>
    </message>
    <message>
        <source>The span %1-%2 is outside the article.</source>
        <translation>الموضع %1-%2 خارج المقال.</translation>
    </message>
    <message>
        <source>Entity %1 does not exist.</source>
        <translation>الكيان %1 غير موجود.</translation>
    </message>
    <message>
        <source>There is no word to look for.</source>
        <translation>لا توجد كلمة للبحث عنها.</translation>
    </message>
    <message>
        <source>Cannot search the corpus: %1</source>
        <translation>تعذر البحث في المدونة: %1</translation>
    </message>
    <message>
        <source>No article selected.</source>
        <translation>لم يُحدَّد أي مقال.</translation>
    </message>
    <message>
        <source>Cannot save the note: %1</source>
        <translation>تعذر حفظ الملاحظة: %1</translation>
    </message>
</context>
<context>
    <name>Rasid::Vocabulary</name>
    <message>
        <source>country</source>
        <translation>بلد</translation>
    </message>
    <message>
        <source>place</source>
        <translation>مكان</translation>
    </message>
    <message>
        <source>organization</source>
        <translation>مؤسسة</translation>
    </message>
    <message>
        <source>person</source>
        <translation>شخص</translation>
    </message>
    <message>
        <source>threat actor</source>
        <translation>جهة تهديد</translation>
    </message>
    <message>
        <source>attack</source>
        <translation>هجوم</translation>
    </message>
    <message>
        <source>data</source>
        <translation>بيانات</translation>
    </message>
    <message>
        <source>quantity</source>
        <translation>كمية</translation>
    </message>
    <message>
        <source>money</source>
        <translation>مبلغ مالي</translation>
    </message>
    <message>
        <source>date</source>
        <translation>تاريخ</translation>
    </message>
    <message>
        <source>Government</source>
        <translation>حكومي</translation>
    </message>
    <message>
        <source>Healthcare</source>
        <translation>الرعاية الصحية</translation>
    </message>
    <message>
        <source>Finance</source>
        <translation>المالية</translation>
    </message>
    <message>
        <source>Postal and logistics</source>
        <translation>البريد والخدمات اللوجستية</translation>
    </message>
    <message>
        <source>Transport</source>
        <translation>النقل</translation>
    </message>
    <message>
        <source>Energy</source>
        <translation>الطاقة</translation>
    </message>
    <message>
        <source>Telecommunications</source>
        <translation>الاتصالات</translation>
    </message>
    <message>
        <source>Education</source>
        <translation>التعليم</translation>
    </message>
    <message>
        <source>Politics</source>
        <translation>السياسة</translation>
    </message>
    <message>
        <source>Media</source>
        <translation>الإعلام</translation>
    </message>
    <message>
        <source>Retail</source>
        <translation>التجزئة</translation>
    </message>
    <message>
        <source>Technology</source>
        <translation>التقنية</translation>
    </message>
    <message>
        <source>Defence</source>
        <translation>الدفاع</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>أخرى</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>غير معروف</translation>
    </message>
    <message>
        <source>DDoS</source>
        <translation>حجب الخدمة (DDoS)</translation>
    </message>
    <message>
        <source>Data breach</source>
        <translation>تسريب بيانات</translation>
    </message>
    <message>
        <source>Hack and leak</source>
        <translation>اختراق ونشر</translation>
    </message>
    <message>
        <source>Ransomware</source>
        <translation>برمجية فدية</translation>
    </message>
    <message>
        <source>Malware</source>
        <translation>برمجية خبيثة</translation>
    </message>
    <message>
        <source>Defacement</source>
        <translation>تشويه موقع</translation>
    </message>
    <message>
        <source>Phishing</source>
        <translation>تصيد احتيالي</translation>
    </message>
    <message>
        <source>Account takeover</source>
        <translation>الاستيلاء على حساب</translation>
    </message>
    <message>
        <source>Espionage</source>
        <translation>تجسس</translation>
    </message>
    <message>
        <source>Sabotage</source>
        <translation>تخريب</translation>
    </message>
    <message>
        <source>Nation state</source>
        <translation>دولة</translation>
    </message>
    <message>
        <source>State-affiliated</source>
        <translation>مرتبط بدولة</translation>
    </message>
    <message>
        <source>Criminal</source>
        <translation>إجرامي</translation>
    </message>
    <message>
        <source>Hacktivist</source>
        <translation>قرصنة نضالية</translation>
    </message>
    <message>
        <source>Insider</source>
        <translation>من الداخل</translation>
    </message>
    <message>
        <source>Individual</source>
        <translation>فرد</translation>
    </message>
    <message>
        <source>Financial</source>
        <translation>مالي</translation>
    </message>
    <message>
        <source>Ideology</source>
        <translation>عقائدي</translation>
    </message>
    <message>
        <source>Grudge</source>
        <translation>ضغينة</translation>
    </message>
    <message>
        <source>Fun</source>
        <translation>تسلية</translation>
    </message>
    <message>
        <source>exact</source>
        <translation>بالضبط</translation>
    </message>
    <message>
        <source>approx</source>
        <translation>تقريبًا</translation>
    </message>
    <message>
        <source>more than</source>
        <translation>أكثر من</translation>
    </message>
    <message>
        <source>less than</source>
        <translation>أقل من</translation>
    </message>
    <message>
        <source>up to</source>
        <translation>حتى</translation>
    </message>
    <message>
        <source>Personal</source>
        <translation>شخصية</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>بيانات اتصال</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>هوية</translation>
    </message>
    <message>
        <source>Medical</source>
        <translation>طبية</translation>
    </message>
    <message>
        <source>Credentials</source>
        <translation>بيانات دخول</translation>
    </message>
    <message>
        <source>Internal</source>
        <translation>داخلية</translation>
    </message>
    <message>
        <source>Confirmed by the victim</source>
        <translation>أكدته الضحية</translation>
    </message>
    <message>
        <source>Claimed</source>
        <translation>ادعاء</translation>
    </message>
    <message>
        <source>Denied</source>
        <translation>نُفي</translation>
    </message>
    <message>
        <source>Suspected</source>
        <translation>مشتبه به</translation>
    </message>
    <message>
        <source>Attempted</source>
        <translation>محاولة أُحبطت</translation>
    </message>
    <message>
        <source>Service outage</source>
        <translation>انقطاع الخدمة</translation>
    </message>
    <message>
        <source>Data exposure</source>
        <translation>كشف بيانات</translation>
    </message>
    <message>
        <source>Data manipulation</source>
        <translation>التلاعب بالبيانات</translation>
    </message>
    <message>
        <source>Financial loss</source>
        <translation>خسارة مالية</translation>
    </message>
    <message>
        <source>None stated</source>
        <translation>لم يُذكر</translation>
    </message>
    <message>
        <source>Victim</source>
        <translation>الضحية</translation>
    </message>
    <message>
        <source>Victim sector</source>
        <translation>قطاع الضحية</translation>
    </message>
    <message>
        <source>Victim country</source>
        <translation>بلد الضحية</translation>
    </message>
    <message>
        <source>Attack type</source>
        <translation>نوع الهجوم</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>المهاجم</translation>
    </message>
    <message>
        <source>Actor type</source>
        <translation>نوع المهاجم</translation>
    </message>
    <message>
        <source>Actor country</source>
        <translation>بلد المهاجم</translation>
    </message>
    <message>
        <source>Motive</source>
        <translation>الدافع</translation>
    </message>
    <message>
        <source>Records affected</source>
        <translation>السجلات المتأثرة</translation>
    </message>
    <message>
        <source>Records qualifier</source>
        <translation>دقة عدد السجلات</translation>
    </message>
    <message>
        <source>Data types</source>
        <translation>أنواع البيانات</translation>
    </message>
    <message>
        <source>Incident date</source>
        <translation>تاريخ الحادثة</translation>
    </message>
    <message>
        <source>Disclosure</source>
        <translation>الإفصاح</translation>
    </message>
    <message>
        <source>Impact</source>
        <translation>الأثر</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>الدليل</translation>
    </message>
    <message>
        <source>, </source>
        <translation>، </translation>
    </message>
    <message>
        <source>Suggested</source>
        <translation>مقترح</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>مؤكد</translation>
    </message>
    <message>
        <source>Corrected</source>
        <translation>مصحَّح</translation>
    </message>
    <message>
        <source>New</source>
        <translation>جديد</translation>
    </message>
    <message>
        <source>In review</source>
        <translation>قيد المراجعة</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>تمت مراجعته</translation>
    </message>
</context>
<context>
    <name>RejectIncident</name>
    <message>
        <source>Reject incident</source>
        <translation>رفض الحادثة</translation>
    </message>
</context>
<context>
    <name>RemoveEntity</name>
    <message>
        <source>Remove entity</source>
        <translation>إزالة الكيان</translation>
    </message>
</context>
<context>
    <name>ReviewArticles</name>
    <message numerus="yes">
        <source>Mark %n article(s) reviewed</source>
        <translation>
            <numerusform>وسم لا مقالات بأنها رُوجعت</numerusform>
            <numerusform>وسم مقال واحد بأنه رُوجع</numerusform>
            <numerusform>وسم مقالين بأنهما رُوجعا</numerusform>
            <numerusform>وسم %n مقالات بأنها رُوجعت</numerusform>
            <numerusform>وسم %n مقالاً بأنها رُوجعت</numerusform>
            <numerusform>وسم %n مقال بأنها رُوجعت</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Mark %n article(s) as having no incident</source>
        <translation>
            <numerusform>وسم لا مقالات بأنها بلا حوادث</numerusform>
            <numerusform>وسم مقال واحد بأنه بلا حوادث</numerusform>
            <numerusform>وسم مقالين بأنهما بلا حوادث</numerusform>
            <numerusform>وسم %n مقالات بأنها بلا حوادث</numerusform>
            <numerusform>وسم %n مقالاً بأنها بلا حوادث</numerusform>
            <numerusform>وسم %n مقال بأنها بلا حوادث</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Reject the suggested incidents of %n article(s)</source>
        <translation>
            <numerusform>رفض الحوادث المقترحة في لا مقالات</numerusform>
            <numerusform>رفض الحوادث المقترحة في مقال واحد</numerusform>
            <numerusform>رفض الحوادث المقترحة في مقالين</numerusform>
            <numerusform>رفض الحوادث المقترحة في %n مقالات</numerusform>
            <numerusform>رفض الحوادث المقترحة في %n مقالاً</numerusform>
            <numerusform>رفض الحوادث المقترحة في %n مقال</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SetIncidentField</name>
    <message>
        <source>Change %1</source>
        <translation>تعديل %1</translation>
    </message>
</context>
<context>
    <name>SetNote</name>
    <message>
        <source>Edit the article&apos;s note</source>
        <translation>تعديل ملاحظة المقال</translation>
    </message>
    <message>
        <source>Edit the incident&apos;s note</source>
        <translation>تعديل ملاحظة الحادثة</translation>
    </message>
</context>
<context>
    <name>SplitIncident</name>
    <message>
        <source>Split incident</source>
        <translation>تقسيم الحادثة</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Rasid</source>
        <translation>راصد</translation>
    </message>
    <message>
        <source>Rasid: build cyber-incident datasets from Arabic news.</source>
        <translation>راصد: ابنِ قواعد بيانات الحوادث السيبرانية من الأخبار العربية.</translation>
    </message>
    <message>
        <source>A folder of articles to import, or a workspace.</source>
        <translation>مجلد مقالات لاستيراده، أو مساحة عمل.</translation>
    </message>
</context>
</TS>
