"""Texts of the demo site: a fictional inclusion project in Tuscany, in it, en and ar.

Every translatable field is a dict keyed by language code; Italian is the source the
editors write in, English and Arabic are applied through wagtail-localize.
"""

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

NEWS_INDEX = {
    "slug": {"it": "notizie", "en": "news", "ar": "news"},
    "title": {"it": "Notizie", "en": "News", "ar": "الأخبار"},
    "intro": {
        "it": "Aggiornamenti dal progetto: avvisi, incontri con le imprese, storie di chi ha concluso il percorso.",
        "en": "Updates from the project: calls, meetings with companies, stories from people who completed their internship.",
        "ar": "مستجدات المشروع: الإعلانات، اللقاءات مع الشركات، وقصص من أنهوا مسارهم.",
    },
}

NEWS = [
    {
        "date": datetime.date(2025, 3, 10),
        "slug": {"it": "parte-approdo", "en": "approdo-starts", "ar": "approdo-starts"},
        "title": {
            "it": "Parte Approdo: 60 tirocini di inclusione in due anni",
            "en": "Approdo starts: 60 inclusion internships over two years",
            "ar": "انطلاق أبرودو: 60 تدريباً للإدماج خلال عامين",
        },
        "lead": {
            "it": "Presentato a Colle di Val d'Elsa il progetto che accompagnerà sessanta persone in un percorso di tirocinio nelle imprese del territorio.",
            "en": "The project that will accompany sixty people through internships in local companies was presented in Colle di Val d'Elsa.",
            "ar": "تم في كولّي دي فال ديلسا تقديم المشروع الذي سيرافق ستين شخصاً في مسارات تدريب لدى شركات المنطقة.",
        },
        "body": [
            {
                "it": "Alla presentazione hanno partecipato i sindaci dei comuni aderenti, i servizi sociali e una ventina di imprese interessate a ospitare un tirocinio.",
                "en": "The mayors of the participating municipalities, the social services and some twenty companies interested in hosting an internship attended the launch.",
                "ar": "حضر حفل الإطلاق رؤساء البلديات المشاركة والخدمات الاجتماعية ونحو عشرين شركة مهتمة باستضافة متدربين.",
            },
            {
                "it": "Ogni tirocinio dura sei mesi, prevede un'indennità mensile a carico del progetto e un tutor che segue la persona e l'azienda.",
                "en": "Each internship lasts six months, includes a monthly allowance paid by the project and a tutor who supports both the person and the company.",
                "ar": "يستمر كل تدريب ستة أشهر، ويتضمن منحة شهرية يدفعها المشروع ومرشداً يتابع الشخص والشركة معاً.",
            },
        ],
    },
    {
        "date": datetime.date(2025, 6, 18),
        "slug": {
            "it": "incontro-imprese-poggibonsi",
            "en": "companies-meeting-poggibonsi",
            "ar": "companies-meeting-poggibonsi",
        },
        "title": {
            "it": "Imprese a confronto a Poggibonsi",
            "en": "Companies meet in Poggibonsi",
            "ar": "لقاء الشركات في بوجيبونسي",
        },
        "lead": {
            "it": "Trenta aziende del commercio, della ristorazione e della logistica hanno incontrato i tutor del progetto per capire come funziona un tirocinio di inclusione.",
            "en": "Thirty companies from retail, catering and logistics met the project's tutors to learn how an inclusion internship works.",
            "ar": "التقت ثلاثون شركة من قطاعات التجارة والمطاعم والخدمات اللوجستية بمرشدي المشروع للتعرّف على آلية تدريب الإدماج.",
        },
        "body": [
            {
                "it": "Le domande più frequenti hanno riguardato la convenzione, l'assicurazione e il ruolo del tutor aziendale.",
                "en": "The most frequent questions concerned the agreement, insurance and the role of the company tutor.",
                "ar": "تناولت أكثر الأسئلة تكراراً الاتفاقية والتأمين ودور المرشد داخل الشركة.",
            },
        ],
    },
    {
        "date": datetime.date(2026, 2, 2),
        "slug": {"it": "storia-di-samir", "en": "samirs-story", "ar": "samirs-story"},
        "title": {
            "it": "Dopo il tirocinio, un contratto in cantina",
            "en": "After the internship, a contract at the winery",
            "ar": "بعد التدريب، عقد عمل في مصنع النبيذ",
        },
        "lead": {
            "it": "Sei mesi in una cantina di San Gimignano si sono trasformati in un contratto a tempo determinato: la storia di uno dei primi tirocini conclusi.",
            "en": "Six months at a winery in San Gimignano turned into a fixed-term contract: the story of one of the first internships completed.",
            "ar": "تحولت ستة أشهر في مصنع نبيذ في سان جيمينيانو إلى عقد عمل محدد المدة: قصة أحد أول التدريبات المكتملة.",
        },
        "body": [
            {
                "it": "Il tutor aziendale racconta che il segreto è stato definire fin dall'inizio compiti chiari e orari compatibili con gli impegni della persona.",
                "en": "The company tutor says the secret was agreeing clear tasks and working hours compatible with the person's commitments from the start.",
                "ar": "يقول المرشد في الشركة إن السر كان في تحديد مهام واضحة وساعات عمل تتلاءم مع التزامات الشخص منذ البداية.",
            },
        ],
    },
    {
        "date": datetime.date(2026, 10, 5),
        "slug": {
            "it": "nuovo-avviso-imprese",
            "en": "new-call-companies",
            "ar": "new-call-companies",
        },
        "title": {
            "it": "Aperto il nuovo avviso per le imprese ospitanti",
            "en": "New call open for host companies",
            "ar": "فتح إعلان جديد للشركات المضيفة",
        },
        "lead": {
            "it": "Fino al 31 gennaio 2027 le imprese della Valdelsa possono candidarsi a ospitare un tirocinio di inclusione sociale.",
            "en": "Until 31 January 2027, companies in Valdelsa can apply to host a social inclusion internship.",
            "ar": "حتى 31 يناير 2027 يمكن لشركات فالديلسا التقدّم لاستضافة تدريب للإدماج الاجتماعي.",
        },
        "body": [
            {
                "it": "La candidatura si presenta online: bastano i dati dell'impresa, le sedi in cui si svolgerebbe il tirocinio e le dichiarazioni previste dall'avviso.",
                "en": "Applications are made online: all it takes is the company's details, the sites where the internship would take place and the declarations the call requires.",
                "ar": "يتم التقديم عبر الإنترنت: يكفي إدخال بيانات الشركة والمواقع التي سيجري فيها التدريب والإقرارات التي يطلبها الإعلان.",
            },
        ],
    },
]

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
        "email": "azienda@approdo.example",
        "first_name": "Giulia",
        "last_name": "Impresa",
        "role": "company",
    },
]
