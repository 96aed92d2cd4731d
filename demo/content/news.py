"""Demo texts: twelve news items over two years (the index page is in site.py)."""

import datetime

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
        "topics": ["eventi"],
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
        "topics": ["imprese", "eventi"],
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
        "topics": ["storie", "imprese"],
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
        "topics": ["avvisi", "imprese"],
    },
    {
        "date": datetime.date(2025, 4, 14),
        "slug": {
            "it": "protocollo-associazione-imprese",
            "en": "employers-association-agreement",
            "ar": "employers-association-agreement",
        },
        "title": {
            "it": "Firmato il protocollo con l'Associazione Imprese Valdelsa",
            "en": "Agreement signed with the Valdelsa Business Association",
            "ar": "توقيع بروتوكول تعاون مع رابطة شركات فالديلسا",
        },
        "lead": {
            "it": "Il Consorzio e l'associazione di categoria lavoreranno insieme per far conoscere i tirocini di inclusione alle piccole e medie imprese del territorio.",
            "en": "The Consortium and the employers' association will work together to make inclusion internships known to small and medium-sized businesses in the area.",
            "ar": "سيعمل الاتحاد ورابطة أصحاب العمل معاً للتعريف بتدريبات الإدماج لدى الشركات الصغيرة والمتوسطة في المنطقة.",
        },
        "body": [
            {
                "it": "Il protocollo prevede incontri informativi nelle sedi dell'associazione, un referente dedicato per le imprese associate e una procedura semplificata per la firma delle convenzioni di tirocinio.",
                "en": "The protocol provides for information meetings at the association's offices, a dedicated contact person for member companies and a simplified procedure for signing internship agreements.",
                "ar": "ينص البروتوكول على تنظيم لقاءات إعلامية في مقرات الرابطة، وتعيين منسق مخصص للشركات الأعضاء، واعتماد إجراء مبسط لتوقيع اتفاقيات التدريب.",
            },
            {
                "it": "«Molte aziende vorrebbero fare la loro parte ma temono la burocrazia», ha spiegato il presidente dell'associazione. «Con Approdo le pratiche le segue il progetto e l'impresa può concentrarsi sull'accoglienza».",
                "en": "“Many companies would like to do their part but are worried about the paperwork,” the president of the association explained. “With Approdo the project takes care of the paperwork and the company can focus on welcoming the intern.”",
                "ar": "وأوضح رئيس الرابطة: «كثير من الشركات ترغب في المساهمة لكنها تخشى الإجراءات الإدارية. مع أبرودو يتولى المشروع المعاملات، وتستطيع الشركة أن تركز على حسن الاستقبال».",
            },
        ],
        "topics": ["imprese"],
    },
    {
        "date": datetime.date(2025, 10, 20),
        "slug": {
            "it": "giornata-formazione-tutor-aziendali",
            "en": "company-tutor-training-day",
            "ar": "company-tutor-training-day",
        },
        "title": {
            "it": "Una giornata di formazione per i tutor aziendali",
            "en": "A training day for company tutors",
            "ar": "يوم تأهيلي للمرشدين في الشركات",
        },
        "lead": {
            "it": "Venticinque tutor delle aziende ospitanti si sono ritrovati a Poggibonsi per confrontarsi su accoglienza, comunicazione e gestione delle difficoltà.",
            "en": "Twenty-five tutors from host companies met in Poggibonsi to share experience on welcoming interns, communication and handling difficulties.",
            "ar": "التقى خمسة وعشرون مرشداً من الشركات المضيفة في بوجيبونسي لتبادل الخبرات حول استقبال المتدربين والتواصل ومعالجة الصعوبات.",
        },
        "body": [
            {
                "it": "La mattina è stata dedicata al ruolo del tutor aziendale: cosa prevede la convenzione, come si compila il registro delle presenze, quando e come coinvolgere il tutor del progetto.",
                "en": "The morning was devoted to the role of the company tutor: what the agreement provides for, how to fill in the attendance register, and when and how to involve the project tutor.",
                "ar": "خُصصت الفترة الصباحية لدور المرشد في الشركة: ما تنص عليه الاتفاقية، وكيفية ملء سجل الحضور، ومتى وكيف يُستعان بمرشد المشروع.",
            },
            {
                "it": "Nel pomeriggio i partecipanti hanno lavorato in piccoli gruppi su casi concreti, dai primi giorni di inserimento ai momenti di stanchezza a metà percorso.",
                "en": "In the afternoon the participants worked in small groups on real cases, from the first days of a placement to the moments of fatigue halfway through.",
                "ar": "وفي فترة ما بعد الظهر عمل المشاركون في مجموعات صغيرة على حالات واقعية، من الأيام الأولى في مكان العمل إلى لحظات التعب في منتصف المسار.",
            },
            {
                "it": "Visto l'interesse, il Consorzio organizzerà un percorso di formazione più ampio, aperto anche agli operatori dei servizi sociali e sanitari.",
                "en": "Given the interest, the Consortium will organise a longer training course, open to social and health service workers as well.",
                "ar": "ونظراً للاهتمام الكبير، سينظم الاتحاد برنامجاً تأهيلياً أوسع، مفتوحاً أيضاً للعاملين في الخدمات الاجتماعية والصحية.",
            },
        ],
        "topics": ["formazione", "eventi", "imprese"],
    },
    {
        "date": datetime.date(2025, 12, 9),
        "slug": {
            "it": "guida-convenzione-tirocinio",
            "en": "internship-agreement-guide",
            "ar": "internship-agreement-guide",
        },
        "title": {
            "it": "La convenzione di tirocinio, spiegata semplice",
            "en": "The internship agreement, simply explained",
            "ar": "اتفاقية التدريب بكلمات بسيطة",
        },
        "lead": {
            "it": "Chi la firma, cosa contiene, quanto dura: una breve guida per le aziende che si preparano a ospitare il primo tirocinio.",
            "en": "Who signs it, what it contains, how long it lasts: a short guide for companies getting ready to host their first internship.",
            "ar": "من يوقّعها، وماذا تتضمن، وكم تدوم: دليل قصير للشركات التي تستعد لاستضافة أول متدرب لديها.",
        },
        "body": [
            {
                "it": "La convenzione è l'accordo firmato dall'azienda ospitante e dal Consorzio, che agisce come soggetto promotore. Vi si allega il progetto formativo individuale, che descrive attività, orari, sede e obiettivi del tirocinio ed è sottoscritto anche dal tirocinante.",
                "en": "The agreement is signed by the host company and by the Consortium, which acts as the promoting body. Attached to it is the individual training plan, which describes the activities, hours, place and goals of the internship and is also signed by the intern.",
                "ar": "الاتفاقية عقد توقّعه الشركة المضيفة والاتحاد بصفته الجهة المروّجة للتدريب. ويُرفق بها المشروع التدريبي الفردي الذي يحدد أنشطة التدريب وساعاته ومكانه وأهدافه، ويوقّعه المتدرب أيضاً.",
            },
            {
                "it": "Il progetto si occupa dell'assicurazione contro gli infortuni e per la responsabilità civile, delle comunicazioni obbligatorie e del pagamento dell'indennità mensile di 500 euro. All'azienda spetta indicare un tutor aziendale e garantire le condizioni di sicurezza previste per tutti i lavoratori.",
                "en": "The project takes care of accident and third-party liability insurance, the mandatory notifications and the payment of the monthly allowance of 500 euros. The company appoints a company tutor and guarantees the safety conditions required for all workers.",
                "ar": "يتولى المشروع التأمين ضد حوادث العمل والمسؤولية المدنية، والإخطارات الإلزامية، ودفع المنحة الشهرية البالغة 500 يورو. أما الشركة فتعيّن مرشداً من طرفها وتضمن شروط السلامة المطلوبة لجميع العاملين.",
            },
            {
                "it": "La convenzione dura sei mesi e può essere interrotta in qualsiasi momento, con una comunicazione scritta, se il percorso non funziona. In questo caso il tutor del progetto incontra l'azienda e la persona per decidere insieme come proseguire.",
                "en": "The agreement lasts six months and can be ended at any time, with written notice, if the placement is not working. In that case the project tutor meets the company and the person to decide together how to go on.",
                "ar": "تمتد الاتفاقية ستة أشهر ويمكن إنهاؤها في أي وقت بإشعار كتابي إذا لم ينجح المسار. وفي هذه الحالة يلتقي مرشد المشروع بالشركة والشخص المعني لتقرير الخطوات التالية معاً.",
            },
        ],
        "topics": ["imprese"],
    },
    {
        "date": datetime.date(2026, 3, 2),
        "slug": {
            "it": "numeri-meta-progetto",
            "en": "mid-project-figures",
            "ar": "mid-project-figures",
        },
        "title": {
            "it": "A metà strada: 31 tirocini avviati e 12 assunzioni",
            "en": "Halfway there: 31 internships started and 12 hires",
            "ar": "في منتصف الطريق: انطلاق 31 تدريباً و12 توظيفاً",
        },
        "lead": {
            "it": "A un anno dall'avvio, il monitoraggio del progetto restituisce i primi numeri: 31 tirocini avviati, 19 già conclusi e 12 persone assunte dalle aziende ospitanti o da altre imprese.",
            "en": "One year after the start, project monitoring gives the first figures: 31 internships started, 19 already completed and 12 people hired by their host companies or by other businesses.",
            "ar": "بعد عام على الانطلاق، تكشف متابعة المشروع عن الأرقام الأولى: بدأ 31 تدريباً، اكتمل منها 19، وحصل 12 شخصاً على عمل لدى الشركات المضيفة أو لدى شركات أخرى.",
        },
        "body": [
            {
                "it": "Le aziende che hanno ospitato almeno un tirocinio sono 26, soprattutto nel commercio, nella ristorazione, nell'agricoltura e nella logistica. Quattro imprese hanno già chiesto di accogliere una seconda persona.",
                "en": "Twenty-six companies have hosted at least one internship, mostly in retail, catering, agriculture and logistics. Four companies have already asked to welcome a second person.",
                "ar": "بلغ عدد الشركات التي استضافت تدريباً واحداً على الأقل 26 شركة، معظمها في التجارة والمطاعم والزراعة والخدمات اللوجستية. وقد طلبت أربع شركات بالفعل استقبال شخص ثانٍ.",
            },
            {
                "it": "L'obiettivo resta di 60 tirocini entro febbraio 2027. Per raggiungerlo servono nuove aziende ospitanti, in particolare in Alta Val di Cecina, dove le distanze e i trasporti rendono più difficile trovare l'abbinamento giusto.",
                "en": "The target remains 60 internships by February 2027. Reaching it will take new host companies, especially in Alta Val di Cecina, where distances and transport make it harder to find the right match.",
                "ar": "يبقى الهدف 60 تدريباً بحلول فبراير 2027. ولتحقيقه نحتاج إلى شركات مضيفة جديدة، ولا سيما في ألتا فال دي تشيتشينا، حيث تجعل المسافات ووسائل النقل إيجاد التوافق المناسب بين الأشخاص والشركات أكثر صعوبة.",
            },
        ],
        "topics": ["imprese"],
    },
    {
        "date": datetime.date(2026, 4, 20),
        "slug": {
            "it": "open-day-volterra",
            "en": "open-day-volterra",
            "ar": "open-day-volterra",
        },
        "title": {
            "it": "Open day a Volterra: il progetto incontra l'Alta Val di Cecina",
            "en": "Open day in Volterra: the project meets Alta Val di Cecina",
            "ar": "يوم مفتوح في فولتيرا: المشروع يلتقي بمنطقة ألتا فال دي تشيتشينا",
        },
        "lead": {
            "it": "Sabato 9 maggio lo sportello Approdo apre le porte a Volterra per imprese, operatori dei servizi e persone interessate a un tirocinio.",
            "en": "On Saturday 9 May the Approdo help desk opens its doors in Volterra to companies, social service workers and people interested in an internship.",
            "ar": "يفتح مكتب استقبال أبرودو أبوابه في فولتيرا يوم السبت 9 مايو أمام الشركات والعاملين في الخدمات والأشخاص المهتمين بالتدريب.",
        },
        "body": [
            {
                "it": "Dalle 10 alle 13, nella sala del centro civico, i tutor del progetto spiegheranno come funzionano i tirocini e risponderanno alle domande. Chi lo desidera potrà prenotare un colloquio individuale nel pomeriggio.",
                "en": "From 10 am to 1 pm, in the hall of the community centre, the project tutors will explain how the internships work and answer questions. Anyone who wishes can book a one-to-one meeting in the afternoon.",
                "ar": "من الساعة العاشرة صباحاً حتى الواحدة ظهراً، في قاعة المركز المدني، سيشرح مرشدو المشروع آلية التدريبات ويجيبون عن الأسئلة. ويمكن لمن يرغب حجز لقاء فردي في فترة ما بعد الظهر.",
            },
            {
                "it": "L'ingresso è libero e la sala è accessibile. Per organizzare al meglio l'accoglienza chiediamo di segnalare la propria partecipazione scrivendo allo sportello.",
                "en": "Admission is free and the hall is accessible. To help us organise the day, please let us know you are coming by writing to the help desk.",
                "ar": "الدخول مجاني والقاعة ميسّرة الوصول. ولتنظيم الاستقبال على أفضل وجه، نرجو إبلاغ مكتب الاستقبال بالمشاركة عبر مراسلته.",
            },
        ],
        "topics": ["eventi"],
    },
    {
        "date": datetime.date(2026, 5, 25),
        "slug": {"it": "storia-di-matteo", "en": "matteos-story", "ar": "matteos-story"},
        "title": {
            "it": "Matteo, il pane e la sveglia alle quattro",
            "en": "Matteo, bread and a four o'clock alarm",
            "ar": "ماتيو والخبز والمنبّه عند الرابعة فجراً",
        },
        "lead": {
            "it": "A diciannove anni, dopo aver lasciato la comunità educativa in cui è cresciuto, Matteo ha iniziato un tirocinio in un forno di Colle di Val d'Elsa. Oggi ci lavora con un contratto di apprendistato.",
            "en": "At nineteen, after leaving the care home where he grew up, Matteo started an internship at a bakery in Colle di Val d'Elsa. Today he works there on an apprenticeship contract.",
            "ar": "في التاسعة عشرة من عمره، وبعد مغادرته دار الرعاية التي نشأ فيها، بدأ ماتيو تدريباً في مخبز في كولّي دي فال ديلسا. واليوم يعمل فيه بعقد تلمذة مهنية.",
        },
        "body": [
            {
                "it": "«Le prime settimane erano dure, soprattutto la sveglia», racconta. «Poi ho cominciato a capire gli impasti e i tempi del forno, e a un certo punto mi hanno lasciato preparare da solo le schiacciate del mattino».",
                "en": "“The first weeks were hard, especially getting up so early,” he says. “Then I began to understand the doughs and the oven times, and at some point they let me make the morning schiacciate on my own.”",
                "ar": "يقول ماتيو: «كانت الأسابيع الأولى صعبة، وخاصة الاستيقاظ المبكر. ثم بدأت أفهم العجين وأوقات الفرن، وفي مرحلة ما تركوني أحضّر خبز السكياتشاتا الصباحي وحدي».",
            },
            {
                "it": "Il titolare del forno ha fatto da tutor aziendale e ogni mese ha incontrato il tutor del progetto per fare il punto, anche sugli aspetti pratici come gli orari degli autobus e la patente.",
                "en": "The owner of the bakery acted as company tutor and met the project tutor every month to take stock, including practical matters such as bus times and the driving licence.",
                "ar": "تولّى صاحب المخبز دور المرشد في الشركة، وكان يلتقي بمرشد المشروع كل شهر لتقييم سير التدريب، بما في ذلك الجوانب العملية مثل مواعيد الحافلات ورخصة القيادة.",
            },
            {
                "it": "«Il progetto ci ha dato il tempo di conoscerci senza fretta», dice il titolare. «Alla fine dei sei mesi non c'erano dubbi: Matteo faceva già parte della squadra».",
                "en": "“The project gave us time to get to know each other without rushing,” says the owner. “At the end of the six months there was no doubt: Matteo was already part of the team.”",
                "ar": "ويقول صاحب المخبز: «منحنا المشروع الوقت لنتعارف دون استعجال. وفي نهاية الأشهر الستة لم يكن هناك أي شك: كان ماتيو قد أصبح بالفعل جزءاً من الفريق».",
            },
        ],
        "topics": ["storie", "imprese"],
    },
    {
        "date": datetime.date(2026, 7, 20),
        "slug": {
            "it": "chiusura-estiva-sportello",
            "en": "help-desk-summer-closure",
            "ar": "help-desk-summer-closure",
        },
        "title": {
            "it": "Chiusura estiva dello sportello",
            "en": "Help desk summer closure",
            "ar": "الإغلاق الصيفي لمكتب الاستقبال",
        },
        "lead": {
            "it": "Dal 10 al 21 agosto lo sportello Approdo di Colle di Val d'Elsa resterà chiuso al pubblico. I tirocini in corso proseguono regolarmente.",
            "en": "From 10 to 21 August the Approdo help desk in Colle di Val d'Elsa will be closed to the public. Internships under way continue as normal.",
            "ar": "سيُغلق مكتب استقبال أبرودو في كولّي دي فال ديلسا أمام الجمهور من 10 إلى 21 أغسطس. وتستمر التدريبات الجارية بشكل طبيعي.",
        },
        "body": [
            {
                "it": "Durante la chiusura i tutor del progetto restano reperibili per le aziende ospitanti e per i tirocinanti ai numeri indicati nella convenzione. Alle e-mail inviate allo sportello risponderemo dal 24 agosto.",
                "en": "During the closure the project tutors remain available to host companies and interns at the numbers given in the agreement. We will answer e-mails sent to the help desk from 24 August.",
                "ar": "خلال فترة الإغلاق يبقى مرشدو المشروع متاحين للشركات المضيفة وللمتدربين على الأرقام المذكورة في الاتفاقية. وسنرد على الرسائل الإلكترونية المرسلة إلى المكتب ابتداءً من 24 أغسطس.",
            },
            {
                "it": "L'indennità di agosto sarà pagata come di consueto entro il 15 settembre, sulla base del registro delle presenze firmato dal tutor aziendale.",
                "en": "The August allowance will be paid as usual by 15 September, on the basis of the attendance register signed by the company tutor.",
                "ar": "ستُدفع منحة شهر أغسطس كالمعتاد قبل 15 سبتمبر، استناداً إلى سجل الحضور الذي يوقّعه المرشد في الشركة.",
            },
        ],
        "topics": ["avvisi"],
    },
    {
        "date": datetime.date(2026, 9, 14),
        "slug": {
            "it": "nuovo-avviso-partecipanti",
            "en": "new-call-participants",
            "ar": "new-call-participants",
        },
        "title": {
            "it": "Nuovo avviso per chi cerca un tirocinio",
            "en": "New call for people looking for an internship",
            "ar": "إعلان جديد للباحثين عن تدريب",
        },
        "lead": {
            "it": "Fino al 31 dicembre 2026 i servizi dei comuni aderenti possono proporre la candidatura delle persone che seguono. Sono disponibili 25 nuovi tirocini.",
            "en": "Until 31 December 2026 the services of the participating municipalities can put forward the people they support. Twenty-five new internships are available.",
            "ar": "حتى 31 ديسمبر 2026 يمكن لخدمات البلديات المشاركة ترشيح الأشخاص الذين تتابعهم. وتتوفر 25 فرصة تدريب جديدة.",
        },
        "body": [
            {
                "it": "L'avviso si rivolge a persone maggiorenni disoccupate o inattive, residenti in Valdelsa o in Alta Val di Cecina, seguite dai servizi sociali o dai servizi territoriali dell'azienda sanitaria, oppure inserite in percorsi di accoglienza o di reinserimento.",
                "en": "The call is open to unemployed or inactive adults living in Valdelsa or Alta Val di Cecina who are supported by social services or by the local health services, or who are taking part in reception or reintegration programmes.",
                "ar": "يستهدف الإعلان البالغين العاطلين عن العمل أو غير النشطين، المقيمين في فالديلسا أو ألتا فال دي تشيتشينا، الذين تتابعهم الخدمات الاجتماعية أو الخدمات المحلية للهيئة الصحية، أو المشاركين في برامج استقبال أو إعادة إدماج.",
            },
            {
                "it": "Chi non è seguito da un servizio può rivolgersi allo sportello Approdo: un operatore spiegherà come funziona il progetto e aiuterà a trovare il servizio di riferimento.",
                "en": "Anyone who is not supported by a service can contact the Approdo help desk: a member of staff will explain how the project works and help find the right service.",
                "ar": "ويمكن لمن لا تتابعه أي خدمة التوجه إلى مكتب استقبال أبرودو، حيث سيشرح له أحد العاملين آلية المشروع ويساعده في الوصول إلى الخدمة المختصة.",
            },
        ],
        "topics": ["avvisi"],
    },
]
