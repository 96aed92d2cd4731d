"""Demo texts: project identity, home page, topics, partners, project page, legal and contact pages."""

import datetime

PROJECT = {
    "owner_name": "Consorzio Sociale Colline Senesi (demo)",
    "contact_email": "approdo@colline-senesi.example",
    "contact_pec": "consorzio.collinesenesi@pec.example",
    "contact_phone": "+39 0577 000 000",
    "contact_address": "Via dei Fossi 12\n53034 Colle di Val d'Elsa (SI)",
}

FUNDING = {
    "name": "PR FSE+ Toscana 2021–2027 — Approdo",
    "programme": {
        "it": "PR FSE+ Toscana 2021–2027, Priorità 3 — Inclusione sociale",
        "en": "ESF+ Regional Programme Tuscany 2021–2027, Priority 3 — Social inclusion",
        "ar": "البرنامج الإقليمي للصندوق الاجتماعي الأوروبي+ توسكانا 2021–2027، الأولوية 3 — الإدماج الاجتماعي",
    },
    "statement": {
        "it": "Il progetto Approdo è cofinanziato dall'Unione europea attraverso il Fondo sociale europeo Plus e dalla Regione Toscana.",
        "en": "The Approdo project is co-funded by the European Union through the European Social Fund Plus and by the Region of Tuscany.",
        "ar": "مشروع أبرودو ممول بشكل مشترك من الاتحاد الأوروبي عبر الصندوق الاجتماعي الأوروبي بلس ومن إقليم توسكانا.",
    },
}

HOME = {
    "title": {"it": "Approdo", "en": "Approdo", "ar": "أبرودو"},
    "seo_title": {
        "it": "Approdo — tirocini di inclusione in Valdelsa",
        "en": "Approdo — inclusion internships in Valdelsa",
        "ar": "أبرودو — تدريبات الإدماج في فالديلسا",
    },
    "hero_lead": {
        "it": "Tirocini di inclusione sociale di sei mesi in aziende del territorio, con un tutor che accompagna ogni persona dal primo colloquio all'ultimo giorno.",
        "en": "Six-month social inclusion internships in local companies, with a tutor who supports each person from the first interview to the last day.",
        "ar": "تدريبات للإدماج الاجتماعي لمدة ستة أشهر في شركات المنطقة، مع مرشد يرافق كل شخص من المقابلة الأولى حتى اليوم الأخير.",
    },
    "intro": {
        "it": "Approdo è il progetto dei comuni della Valdelsa e dell'Alta Val di Cecina per chi cerca una strada verso il lavoro dopo un periodo difficile. Lavoriamo con i servizi sociali, i centri per l'impiego e le imprese del territorio.",
        "en": "Approdo is the project of the municipalities of Valdelsa and Alta Val di Cecina for people looking for a way into work after a difficult time. We work with social services, job centres and local businesses.",
        "ar": "أبرودو هو مشروع بلديات فالديلسا وألتا فال دي تشيتشينا للأشخاص الذين يبحثون عن طريق إلى العمل بعد فترة صعبة. نعمل مع الخدمات الاجتماعية ومراكز التشغيل والشركات المحلية.",
    },
    "companies_cta_title": {
        "it": "La tua azienda può fare la differenza",
        "en": "Your company can make a difference",
        "ar": "يمكن لشركتك أن تُحدث فرقاً",
    },
    "companies_cta_text": {
        "it": "Ospitare un tirocinio non costa nulla all'azienda: l'indennità è a carico del progetto e un tutor segue il percorso. Registrati e prepara il tuo dossier in dieci minuti.",
        "en": "Hosting an internship costs the company nothing: the project pays the allowance and a tutor follows the placement. Sign up and prepare your dossier in ten minutes.",
        "ar": "استضافة متدرب لا تكلّف الشركة شيئاً: يدفع المشروع المنحة الشهرية ويتابع مرشدٌ مسار التدريب. سجّل وحضّر ملف شركتك في عشر دقائق.",
    },
}

TOPICS = [
    {"slug": "imprese", "name": {"it": "Imprese", "en": "Companies", "ar": "الشركات"}},
    {"slug": "storie", "name": {"it": "Storie", "en": "Stories", "ar": "قصص"}},
    {"slug": "avvisi", "name": {"it": "Avvisi", "en": "Calls", "ar": "الإعلانات"}},
    {"slug": "eventi", "name": {"it": "Eventi", "en": "Events", "ar": "الفعاليات"}},
    {"slug": "formazione", "name": {"it": "Formazione", "en": "Training", "ar": "التأهيل"}},
]

PARTNERS = [
    {
        "name": {
            "it": "Consorzio Sociale Colline Senesi (demo)",
            "en": "Consorzio Sociale Colline Senesi (demo)",
            "ar": "اتحاد كولّينه سينيزي الاجتماعي (تجريبي)",
        },
        "role": {
            "it": "Capofila: coordina il progetto e gestisce convenzioni, sportello e indennità",
            "en": "Lead partner: coordinates the project and manages agreements, help desk and allowances",
            "ar": "الشريك الرئيسي: ينسق المشروع ويدير الاتفاقيات ومكتب الاستقبال والمنح",
        },
        "url": "https://colline-senesi.example",
    },
    {
        "name": {
            "it": "Comune di Poggibonsi",
            "en": "Municipality of Poggibonsi",
            "ar": "بلدية بوجيبونسي",
        },
        "role": {
            "it": "Comune partner: servizi sociali e rete con le imprese del territorio",
            "en": "Partner municipality: social services and network with local businesses",
            "ar": "بلدية شريكة: الخدمات الاجتماعية والتواصل مع الشركات المحلية",
        },
        "url": "https://comune-poggibonsi.example",
    },
    {
        "name": {
            "it": "Servizi territoriali ASL – zona Alta Val d'Elsa (demo)",
            "en": "ASL local services – Alta Val d'Elsa area (demo)",
            "ar": "الخدمات المحلية للهيئة الصحية ASL – منطقة ألتا فال ديلسا (تجريبي)",
        },
        "role": {
            "it": "Servizi sociosanitari: propongono i partecipanti e seguono il percorso insieme ai tutor",
            "en": "Health and social care services: put forward participants and follow the placement with the tutors",
            "ar": "الخدمات الصحية والاجتماعية: ترشّح المشاركين وتتابع المسار مع المرشدين",
        },
        "url": "https://asl-altavaldelsa.example",
    },
    {
        "name": {
            "it": "Cooperativa sociale Il Crinale (demo)",
            "en": "Il Crinale social cooperative (demo)",
            "ar": "التعاونية الاجتماعية إيل كريناله (تجريبي)",
        },
        "role": {
            "it": "Tutor dei tirocini e orientamento dei partecipanti",
            "en": "Internship tutors and guidance for participants",
            "ar": "مرشدو التدريبات وتوجيه المشاركين",
        },
        "url": "https://ilcrinale.example",
    },
    {
        "name": {
            "it": "Associazione Imprese Valdelsa (demo)",
            "en": "Valdelsa Business Association (demo)",
            "ar": "رابطة شركات فالديلسا (تجريبي)",
        },
        "role": {
            "it": "Associazione di categoria: informa le imprese e promuove le candidature delle aziende ospitanti",
            "en": "Employers' association: informs businesses and encourages applications from host companies",
            "ar": "رابطة أصحاب العمل: تُعرّف الشركات بالمشروع وتشجع ترشّح الشركات المضيفة",
        },
        "url": "https://imprese-valdelsa.example",
    },
]

PROJECT_PAGE = {
    "slug": {"it": "progetto-approdo", "en": "approdo-project", "ar": "approdo-project"},
    "title": {"it": "Il progetto Approdo", "en": "The Approdo project", "ar": "مشروع أبرودو"},
    "intro": {
        "it": "Approdo accompagna verso il lavoro persone in situazione di fragilità attraverso tirocini di inclusione sociale in aziende della Valdelsa e dell'Alta Val di Cecina, da marzo 2025 a febbraio 2027.",
        "en": "Approdo supports people in vulnerable situations on their way into work through social inclusion internships in companies in Valdelsa and Alta Val di Cecina, from March 2025 to February 2027.",
        "ar": "يرافق أبرودو الأشخاص الذين يعيشون أوضاعاً هشّة في طريقهم إلى العمل من خلال تدريبات للإدماج الاجتماعي في شركات فالديلسا وألتا فال دي تشيتشينا، من مارس 2025 إلى فبراير 2027.",
    },
    "programme": {
        "it": "PR FSE+ Toscana 2021–2027, Priorità 3 — Inclusione sociale",
        "en": "ESF+ Regional Programme Tuscany 2021–2027, Priority 3 — Social inclusion",
        "ar": "البرنامج الإقليمي للصندوق الاجتماعي الأوروبي+ توسكانا 2021–2027، الأولوية 3 — الإدماج الاجتماعي",
    },
    "budget": "1240000.00",
    "start_date": datetime.date(2025, 3, 1),
    "end_date": datetime.date(2027, 2, 28),
    "target_participants": 80,
    "target_internships": 60,
    "body": [
        {
            "it": "Approdo è promosso dal Consorzio Sociale Colline Senesi insieme ai comuni, ai servizi territoriali dell'azienda sanitaria, a una cooperativa sociale e all'associazione delle imprese. L'obiettivo è coinvolgere 80 persone in percorsi di orientamento e accompagnamento e attivare per almeno 60 di loro un tirocinio di inclusione, costruendo tra servizi e imprese una rete stabile che resti anche dopo la fine del progetto.",
            "en": "Approdo is run by the Consorzio Sociale Colline Senesi together with the municipalities, the local health services, a social cooperative and the employers' association. The aim is to involve 80 people in guidance and support and to start an inclusion internship for at least 60 of them, building a lasting network between services and businesses that will remain after the project ends.",
            "ar": "يُنفَّذ مشروع أبرودو بمبادرة من اتحاد كولّينه سينيزي الاجتماعي بالتعاون مع البلديات والخدمات المحلية للهيئة الصحية وتعاونية اجتماعية ورابطة أصحاب العمل. ويهدف إلى إشراك 80 شخصاً في مسارات توجيه ومرافقة، وإطلاق تدريب للإدماج لما لا يقل عن 60 منهم، مع بناء شبكة دائمة بين الخدمات والشركات تستمر بعد انتهاء المشروع.",
        },
        {
            "it": "Il progetto si rivolge a persone maggiorenni disoccupate o inattive che vivono nei comuni aderenti: persone in carico ai servizi sociali o di salute mentale, persone migranti, persone in uscita da percorsi detentivi e giovani che hanno concluso un percorso in comunità o in affido. Si partecipa su proposta dei servizi che seguono la persona, che resta sempre libera di scegliere.",
            "en": "The project is aimed at unemployed or inactive adults who live in the participating municipalities: people in the care of social or mental health services, migrants, people leaving prison and young people who have left residential or foster care. People take part on the proposal of the services that support them, and always remain free to choose.",
            "ar": "يستهدف المشروع البالغين العاطلين عن العمل أو غير النشطين المقيمين في البلديات المشاركة: الأشخاص الذين تتابعهم الخدمات الاجتماعية أو خدمات الصحة النفسية، والمهاجرين، والأشخاص الخارجين من السجن، والشباب الذين غادروا دور الرعاية أو الأسر الحاضنة. وتتم المشاركة باقتراح من الخدمات التي تتابع الشخص، الذي يبقى دائماً حراً في الاختيار.",
        },
        {
            "it": "Ogni tirocinio dura sei mesi, con un orario concordato tra 20 e 30 ore settimanali. Il Consorzio e l'azienda ospitante firmano una convenzione, a cui si allega un progetto formativo individuale sottoscritto anche dalla persona; un tutor del progetto e un tutor aziendale seguono il percorso dall'inizio alla fine. Il tirocinante riceve un'indennità mensile di 500 euro pagata dal progetto, che copre anche l'assicurazione: per l'azienda ospitare un tirocinio non ha costi.",
            "en": "Each internship lasts six months, with agreed hours of between 20 and 30 a week. The Consortium and the host company sign an agreement, with an individual training plan that the person also signs; a project tutor and a company tutor follow the placement from start to finish. The intern receives a monthly allowance of 500 euros paid by the project, which also covers insurance: hosting an internship costs the company nothing.",
            "ar": "يستمر كل تدريب ستة أشهر، بعدد ساعات متفق عليه يتراوح بين 20 و30 ساعة أسبوعياً. يوقّع الاتحاد والشركة المضيفة اتفاقية يُرفق بها مشروع تدريبي فردي يوقّعه الشخص أيضاً، ويتابع المسار من بدايته إلى نهايته مرشدٌ من المشروع ومرشدٌ من الشركة. ويتلقى المتدرب منحة شهرية قدرها 500 يورو يدفعها المشروع، الذي يتكفل أيضاً بالتأمين: فاستضافة متدرب لا تكلّف الشركة شيئاً.",
        },
    ],
    "contacts": {
        "it": "Lo sportello Approdo è in Via dei Fossi 12 a Colle di Val d'Elsa ed è aperto il martedì e il giovedì dalle 9.30 alle 13 e il mercoledì dalle 15 alle 18; negli altri giorni si riceve su appuntamento. Per informazioni scrivi ad approdo@colline-senesi.example o chiama lo 0577 000 000.",
        "en": "The Approdo help desk is at Via dei Fossi 12 in Colle di Val d'Elsa and is open on Tuesdays and Thursdays from 9.30 am to 1 pm and on Wednesdays from 3 pm to 6 pm; on other days by appointment. For information write to approdo@colline-senesi.example or call 0577 000 000.",
        "ar": "يقع مكتب استقبال أبرودو في Via dei Fossi 12 في كولّي دي فال ديلسا، ويفتح أبوابه يومي الثلاثاء والخميس من الساعة 9:30 حتى 13:00 ويوم الأربعاء من 15:00 حتى 18:00، وفي بقية الأيام بموعد مسبق. للاستفسار راسلنا على approdo@colline-senesi.example أو اتصل بالرقم 0577 000 000.",
    },
}

NEWS_INDEX = {
    "slug": {"it": "notizie", "en": "news", "ar": "news"},
    "title": {"it": "Notizie", "en": "News", "ar": "الأخبار"},
    "intro": {
        "it": "Aggiornamenti dal progetto: avvisi, incontri con le imprese, storie di chi ha concluso il percorso.",
        "en": "Updates from the project: calls, meetings with companies, stories from people who completed their internship.",
        "ar": "مستجدات المشروع: الإعلانات، اللقاءات مع الشركات، وقصص من أنهوا مسارهم.",
    },
}

CONTACT_PAGE = {
    "slug": {"it": "contatti", "en": "contact", "ar": "contact"},
    "title": {"it": "Contatti", "en": "Contact", "ar": "اتصل بنا"},
    "intro": {
        "it": "Hai una domanda sui tirocini, sugli avvisi o su come ospitare una persona nella tua azienda? Scrivici con questo modulo oppure vieni allo sportello di Colle di Val d'Elsa negli orari di apertura.",
        "en": "Do you have a question about the internships, the calls or how to host someone in your company? Write to us using this form or come to the help desk in Colle di Val d'Elsa during opening hours.",
        "ar": "هل لديك سؤال حول التدريبات أو الإعلانات أو كيفية استضافة شخص في شركتك؟ راسلنا عبر هذا النموذج أو تفضّل بزيارة مكتب الاستقبال في كولّي دي فال ديلسا خلال ساعات العمل.",
    },
    "thank_you_text": {
        "it": "Grazie, abbiamo ricevuto il tuo messaggio. Ti risponderemo entro tre giorni lavorativi all'indirizzo e-mail che hai indicato.",
        "en": "Thank you, we have received your message. We will reply within three working days to the e-mail address you gave us.",
        "ar": "شكراً لك، لقد تلقينا رسالتك. سنرد عليك خلال ثلاثة أيام عمل على عنوان البريد الإلكتروني الذي أدخلته.",
    },
    "fields": [
        {
            "label": {"it": "Nome e cognome", "en": "Full name", "ar": "الاسم الكامل"},
            "field_type": "singleline",
            "required": True,
        },
        {
            "label": {"it": "Indirizzo e-mail", "en": "E-mail address", "ar": "البريد الإلكتروني"},
            "field_type": "email",
            "required": True,
        },
        {
            "label": {"it": "Sono", "en": "I am", "ar": "أنا"},
            "field_type": "dropdown",
            "required": True,
            "choices": {
                "it": "Un'azienda, Una persona interessata a un tirocinio, Un operatore o un'operatrice dei servizi sociali, Altro",
                "en": "A company, A person interested in an internship, A social worker, Other",
                "ar": "شركة, شخص مهتم بالتدريب, أخصائي أو أخصائية في الخدمات الاجتماعية, غير ذلك",
            },
        },
        {
            "label": {"it": "Messaggio", "en": "Message", "ar": "الرسالة"},
            "field_type": "multiline",
            "required": True,
        },
    ],
}

STANDARD_PAGES = [
    {
        "key": "accessibility_page",
        "slug": {"it": "accessibilita", "en": "accessibility", "ar": "accessibility"},
        "title": {
            "it": "Dichiarazione di accessibilità",
            "en": "Accessibility statement",
            "ar": "بيان إمكانية الوصول",
        },
        "intro": {
            "it": "Il Consorzio si impegna a rendere questo sito accessibile, in conformità alla legge 4/2004 e alle linee guida AgID.",
            "en": "The Consortium is committed to making this website accessible, in line with Law 4/2004 and the AgID guidelines.",
            "ar": "يلتزم الاتحاد بجعل هذا الموقع متاحاً للجميع، وفقاً للقانون 4/2004 وإرشادات وكالة AgID.",
        },
        "body": [
            {
                "it": "Se incontri un problema di accessibilità, scrivi all'indirizzo indicato nei contatti: risponderemo entro trenta giorni.",
                "en": "If you find an accessibility problem, write to the address in our contacts: we will answer within thirty days.",
                "ar": "إذا واجهت مشكلة في إمكانية الوصول، راسلنا على العنوان المذكور في جهات الاتصال: سنرد خلال ثلاثين يوماً.",
            },
        ],
    },
    {
        "key": "privacy_page",
        "slug": {"it": "privacy", "en": "privacy", "ar": "privacy"},
        "title": {"it": "Informativa privacy", "en": "Privacy notice", "ar": "إشعار الخصوصية"},
        "intro": {
            "it": "Come trattiamo i dati personali di chi visita il sito, delle imprese e dei tirocinanti, ai sensi del Regolamento (UE) 2016/679.",
            "en": "How we process the personal data of visitors, companies and interns, under Regulation (EU) 2016/679.",
            "ar": "كيف نعالج البيانات الشخصية للزوار والشركات والمتدربين، وفقاً للائحة الاتحاد الأوروبي 2016/679.",
        },
        "body": [
            {
                "it": "Raccogliamo solo i dati necessari a gestire i tirocini e li conserviamo per il tempo richiesto dalla rendicontazione del Fondo sociale europeo.",
                "en": "We collect only the data needed to run the internships and keep it for as long as European Social Fund reporting requires.",
                "ar": "نجمع فقط البيانات اللازمة لإدارة التدريبات ونحتفظ بها للمدة التي تتطلبها تقارير الصندوق الاجتماعي الأوروبي.",
            },
        ],
    },
]

DEMO_ACCOUNTS = [
    {
        "email": "editor@approdo.example",
        "first_name": "Elena",
        "last_name": "Redattrice",
        "role": "editor",
    },
    {
        "email": "moderator@approdo.example",
        "first_name": "Marco",
        "last_name": "Moderatore",
        "role": "moderator",
    },
    {
        "email": "tutor@approdo.example",
        "first_name": "Teresa",
        "last_name": "Tutor",
        "role": "tutor",
    },
    {
        "email": "azienda@approdo.example",
        "first_name": "Giulia",
        "last_name": "Impresa",
        "role": "company",
    },
]

TERRITORIES = [
    {"code": "alta-val-elsa", "name": "Alta Val d'Elsa"},
    {"code": "val-di-cecina", "name": "Alta Val di Cecina"},
]
