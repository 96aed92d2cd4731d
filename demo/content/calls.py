"""Demo texts: the calls index and calls in every state (dates relative to today)."""

CALL_INDEX = {
    "slug": {"it": "avvisi", "en": "calls", "ar": "calls"},
    "title": {"it": "Avvisi", "en": "Calls", "ar": "الإعلانات"},
    "intro": {
        "it": "Gli avvisi aperti, in arrivo e conclusi per partecipare al progetto come azienda ospitante, come persona interessata a un tirocinio o come operatore dei servizi.",
        "en": "Open, upcoming and closed calls to take part in the project as a host company, as a person interested in an internship or as a service professional.",
        "ar": "الإعلانات المفتوحة والقادمة والمنتهية للمشاركة في المشروع بصفتك شركة مضيفة، أو شخصاً مهتماً بالتدريب، أو عاملاً في الخدمات.",
    },
}

CALLS = [
    {
        "slug": {
            "it": "avviso-aziende-ospitanti-2026",
            "en": "host-companies-call-2026",
            "ar": "host-companies-call-2026",
        },
        "title": {
            "it": "Avviso per aziende ospitanti 2026–2027",
            "en": "Call for host companies 2026–2027",
            "ar": "إعلان للشركات المضيفة 2026–2027",
        },
        "lead": {
            "it": "Le imprese della Valdelsa e dell'Alta Val di Cecina possono candidarsi a ospitare uno o più tirocini di inclusione sociale di sei mesi, senza costi per l'azienda.",
            "en": "Companies in Valdelsa and Alta Val di Cecina can apply to host one or more six-month social inclusion internships, at no cost to the company.",
            "ar": "يمكن لشركات فالديلسا وألتا فال دي تشيتشينا التقدم لاستضافة تدريب واحد أو أكثر للإدماج الاجتماعي لمدة ستة أشهر، دون أي تكلفة على الشركة.",
        },
        "audience": "host_companies",
        "opens_in_days": -48,
        "closes_in_days": 70,
        "eligibility": [
            {
                "it": "Possono candidarsi imprese, studi professionali, cooperative ed enti del terzo settore con almeno una sede operativa in uno dei comuni della Valdelsa o dell'Alta Val di Cecina.",
                "en": "Businesses, professional firms, cooperatives and third-sector organisations with at least one operating site in one of the municipalities of Valdelsa or Alta Val di Cecina can apply.",
                "ar": "يحق التقدم للشركات والمكاتب المهنية والتعاونيات ومنظمات القطاع الثالث التي لها مقر عمل واحد على الأقل في إحدى بلديات فالديلسا أو ألتا فال دي تشيتشينا.",
            },
            {
                "it": "L'azienda deve essere in regola con gli obblighi contributivi e con le norme sulla salute e sicurezza nei luoghi di lavoro, e deve indicare un tutor aziendale con esperienza adeguata alle attività del tirocinio.",
                "en": "The company must be up to date with social security contributions and comply with health and safety rules at work, and must appoint a company tutor with experience suited to the internship activities.",
                "ar": "يجب أن تكون الشركة ملتزمة بسداد الاشتراكات الاجتماعية وبقواعد الصحة والسلامة في أماكن العمل، وأن تعيّن مرشداً من طرفها يتمتع بخبرة مناسبة لأنشطة التدريب.",
            },
            {
                "it": "Il numero di tirocini che si possono ospitare contemporaneamente dipende dal numero di dipendenti, secondo quanto previsto dalla normativa regionale sui tirocini.",
                "en": "The number of internships that can be hosted at the same time depends on the number of employees, as set out in the regional rules on internships.",
                "ar": "يتوقف عدد التدريبات التي يمكن استضافتها في الوقت نفسه على عدد العاملين في الشركة، وفقاً للأنظمة الإقليمية الخاصة بالتدريب.",
            },
        ],
        "exclusions": [
            {
                "it": "Non possono ospitare tirocini le aziende che nei dodici mesi precedenti hanno effettuato licenziamenti per le stesse mansioni, salvo i casi previsti dalla normativa regionale.",
                "en": "Companies that have made dismissals for the same tasks in the previous twelve months cannot host internships, except in the cases provided for by regional rules.",
                "ar": "لا يحق للشركات التي قامت بتسريح عاملين في المهام نفسها خلال الأشهر الاثني عشر السابقة استضافة متدربين، إلا في الحالات التي تنص عليها الأنظمة الإقليمية.",
            },
            {
                "it": "Il tirocinio non può sostituire lavoratori assenti, personale in ferie o ruoli necessari all'organizzazione ordinaria dell'azienda.",
                "en": "An internship cannot replace absent workers, staff on leave or roles needed for the company's ordinary organisation.",
                "ar": "لا يجوز أن يحلّ التدريب محل عاملين غائبين أو موظفين في إجازة أو وظائف ضرورية للتنظيم العادي للشركة.",
            },
        ],
        "how_to_apply": [
            {
                "it": "Registra l'azienda nell'area riservata del sito e compila il dossier: dati dell'impresa, sedi del tirocinio, attività proposte e nominativo del tutor aziendale.",
                "en": "Register the company in the reserved area of the website and complete the dossier: company details, internship sites, proposed activities and the name of the company tutor.",
                "ar": "سجّل شركتك في المنطقة المخصصة على الموقع وأكمل الملف: بيانات الشركة، ومواقع التدريب، والأنشطة المقترحة، واسم المرشد في الشركة.",
            },
            {
                "it": "Dopo l'invio, un operatore del progetto ti contatta entro dieci giorni lavorativi per un colloquio conoscitivo e, se c'è un abbinamento possibile, per preparare la convenzione.",
                "en": "After you submit it, a member of the project staff will contact you within ten working days for an introductory meeting and, if a match is possible, to prepare the agreement.",
                "ar": "بعد الإرسال، يتواصل معك أحد العاملين في المشروع خلال عشرة أيام عمل لإجراء لقاء تعارفي، ولإعداد الاتفاقية إذا أمكن إيجاد متدرب مناسب.",
            },
        ],
        "contacts": {
            "it": "Per domande sull'avviso scrivi ad approdo@colline-senesi.example indicando nell'oggetto «Avviso aziende 2026», oppure chiama lo sportello allo 0577 000 000 il martedì e il giovedì mattina.",
            "en": "For questions about this call write to approdo@colline-senesi.example with “Companies call 2026” in the subject line, or call the help desk on 0577 000 000 on Tuesday and Thursday mornings.",
            "ar": "للاستفسار عن هذا الإعلان راسلنا على approdo@colline-senesi.example مع كتابة «إعلان الشركات 2026» في خانة الموضوع، أو اتصل بمكتب الاستقبال على الرقم 0577 000 000 صباح يومي الثلاثاء والخميس.",
        },
    },
    {
        "slug": {
            "it": "avviso-partecipanti-2026",
            "en": "participants-call-2026",
            "ar": "participants-call-2026",
        },
        "title": {
            "it": "Avviso per partecipanti 2026",
            "en": "Call for participants 2026",
            "ar": "إعلان للمشاركين 2026",
        },
        "lead": {
            "it": "Venticinque nuovi tirocini di inclusione sociale di sei mesi, con tutor e indennità mensile di 500 euro, per persone seguite dai servizi dei comuni aderenti.",
            "en": "Twenty-five new six-month social inclusion internships, with a tutor and a monthly allowance of 500 euros, for people supported by the services of the participating municipalities.",
            "ar": "خمسة وعشرون تدريباً جديداً للإدماج الاجتماعي لمدة ستة أشهر، مع مرشد ومنحة شهرية قدرها 500 يورو، للأشخاص الذين تتابعهم خدمات البلديات المشاركة.",
        },
        "audience": "participants",
        "opens_in_days": -69,
        "closes_in_days": 39,
        "eligibility": [
            {
                "it": "Possono partecipare persone maggiorenni disoccupate o inattive, residenti o domiciliate in uno dei comuni aderenti al progetto.",
                "en": "Unemployed or inactive adults who are resident or living in one of the municipalities taking part in the project can apply.",
                "ar": "يحق المشاركة للبالغين العاطلين عن العمل أو غير النشطين المقيمين أو الساكنين في إحدى البلديات المشاركة في المشروع.",
            },
            {
                "it": "L'avviso si rivolge in particolare a persone in carico ai servizi sociali o di salute mentale, a persone migranti, a persone in uscita da percorsi detentivi e a giovani che hanno concluso un percorso in comunità o in affido.",
                "en": "The call is aimed in particular at people in the care of social or mental health services, migrants, people leaving prison and young people who have left residential or foster care.",
                "ar": "يستهدف الإعلان بشكل خاص الأشخاص الذين تتابعهم الخدمات الاجتماعية أو خدمات الصحة النفسية، والمهاجرين، والأشخاص الخارجين من السجن، والشباب الذين غادروا دور الرعاية أو الأسر الحاضنة.",
            },
        ],
        "exclusions": [
            {
                "it": "Non possono partecipare le persone che hanno già concluso un tirocinio finanziato dal progetto Approdo o che stanno svolgendo un altro tirocinio extracurricolare.",
                "en": "People who have already completed an internship funded by the Approdo project or who are currently doing another non-curricular internship cannot take part.",
                "ar": "لا يحق المشاركة للأشخاص الذين أتمّوا سابقاً تدريباً ممولاً من مشروع أبرودو أو الذين يقومون حالياً بتدريب آخر خارج المناهج الدراسية.",
            },
        ],
        "how_to_apply": [
            {
                "it": "La candidatura viene presentata dall'assistente sociale o dall'operatore di riferimento, con una breve scheda concordata con la persona interessata.",
                "en": "The application is submitted by the person's social worker or key worker, with a short form agreed with the person concerned.",
                "ar": "يقدّم الطلبَ الأخصائي الاجتماعي أو العامل المسؤول عن متابعة الشخص، مرفقاً ببطاقة قصيرة يتم الاتفاق عليها مع الشخص المعني.",
            },
            {
                "it": "Chi non è seguito da un servizio può rivolgersi allo sportello Approdo: ti aiuteremo a capire se il progetto fa per te e a quale servizio rivolgerti.",
                "en": "If you are not supported by a service, you can contact the Approdo help desk: we will help you understand whether the project is right for you and which service to turn to.",
                "ar": "إذا لم تكن تتابعك أي خدمة، يمكنك التوجه إلى مكتب استقبال أبرودو: سنساعدك على معرفة ما إذا كان المشروع مناسباً لك وأي خدمة عليك التوجه إليها.",
            },
            {
                "it": "Dopo un colloquio con il tutor del progetto si costruisce insieme il percorso e si cerca l'azienda più adatta.",
                "en": "After a meeting with the project tutor, the pathway is planned together and the most suitable company is sought.",
                "ar": "بعد لقاء مع مرشد المشروع، يُبنى المسار بشكل مشترك ويتم البحث عن الشركة الأنسب.",
            },
        ],
        "contacts": {
            "it": "Gli operatori dei servizi possono scrivere ad approdo@colline-senesi.example. Le persone interessate possono venire allo sportello di Colle di Val d'Elsa negli orari di apertura o chiedere un appuntamento allo 0577 000 000.",
            "en": "Service professionals can write to approdo@colline-senesi.example. People who are interested can come to the help desk in Colle di Val d'Elsa during opening hours or book an appointment on 0577 000 000.",
            "ar": "يمكن للعاملين في الخدمات مراسلتنا على approdo@colline-senesi.example. ويمكن للأشخاص المهتمين زيارة مكتب الاستقبال في كولّي دي فال ديلسا خلال ساعات العمل أو حجز موعد على الرقم 0577 000 000.",
        },
    },
    {
        "slug": {
            "it": "formazione-tutor-operatori",
            "en": "tutor-training-course",
            "ar": "tutor-training-course",
        },
        "title": {
            "it": "Percorso di formazione per tutor aziendali e operatori",
            "en": "Training course for company tutors and service professionals",
            "ar": "برنامج تأهيلي للمرشدين في الشركات والعاملين في الخدمات",
        },
        "lead": {
            "it": "Sei incontri gratuiti tra gennaio e febbraio 2027 per chi accompagna i tirocini di inclusione: tutor aziendali, tutor degli enti partner e operatori dei servizi.",
            "en": "Six free sessions in January and February 2027 for those who support inclusion internships: company tutors, tutors from partner organisations and service professionals.",
            "ar": "ستة لقاءات مجانية بين يناير وفبراير 2027 لمن يرافقون تدريبات الإدماج: المرشدون في الشركات، ومرشدو الجهات الشريكة، والعاملون في الخدمات.",
        },
        "audience": "operators",
        "opens_in_days": 15,
        "closes_in_days": 47,
        "eligibility": [
            {
                "it": "Possono iscriversi i tutor delle aziende che ospitano o hanno ospitato un tirocinio Approdo, i tutor degli enti partner e gli operatori dei servizi sociali e sanitari dei comuni aderenti.",
                "en": "Tutors from companies that host or have hosted an Approdo internship, tutors from partner organisations and social and health service workers of the participating municipalities can register.",
                "ar": "يحق التسجيل للمرشدين في الشركات التي تستضيف أو سبق أن استضافت تدريباً ضمن أبرودو، ولمرشدي الجهات الشريكة، وللعاملين في الخدمات الاجتماعية والصحية في البلديات المشاركة.",
            },
            {
                "it": "Il percorso dura 24 ore, in sei incontri pomeridiani tra Poggibonsi e Volterra, ed è gratuito. A chi frequenta almeno l'80 per cento delle ore viene rilasciato un attestato di frequenza.",
                "en": "The course lasts 24 hours, in six afternoon sessions in Poggibonsi and Volterra, and is free of charge. Those who attend at least 80 per cent of the hours receive a certificate of attendance.",
                "ar": "يمتد البرنامج 24 ساعة موزعة على ستة لقاءات مسائية بين بوجيبونسي وفولتيرا، وهو مجاني. ويحصل من يحضر 80 في المئة على الأقل من الساعات على شهادة حضور.",
            },
        ],
        "exclusions": [],
        "how_to_apply": [
            {
                "it": "Le iscrizioni si aprono alla data indicata in questa pagina: basterà compilare il modulo online con i propri dati e l'ente o l'azienda di appartenenza.",
                "en": "Registration opens on the date shown on this page: you will only need to fill in the online form with your details and your organisation or company.",
                "ar": "يبدأ التسجيل في التاريخ المبيّن في هذه الصفحة: يكفي ملء النموذج الإلكتروني بالبيانات الشخصية واسم الجهة أو الشركة التي تنتمي إليها.",
            },
            {
                "it": "I posti sono trenta. Se le richieste saranno di più, avranno la precedenza i tutor aziendali di tirocini in corso e poi si seguirà l'ordine di iscrizione.",
                "en": "There are thirty places. If there are more requests, priority will go to company tutors of internships under way, and then to the order of registration.",
                "ar": "عدد المقاعد ثلاثون. وإذا زاد عدد الطلبات، تُعطى الأولوية للمرشدين في الشركات التي تستضيف تدريبات جارية، ثم يُعتمد ترتيب التسجيل.",
            },
        ],
        "contacts": {
            "it": "Per informazioni sul percorso scrivi ad approdo@colline-senesi.example indicando nell'oggetto «Formazione tutor».",
            "en": "For information about the course write to approdo@colline-senesi.example with “Tutor training” in the subject line.",
            "ar": "للاستفسار عن البرنامج راسلنا على approdo@colline-senesi.example مع كتابة «تأهيل المرشدين» في خانة الموضوع.",
        },
    },
    {
        "slug": {
            "it": "avviso-aziende-ospitanti-2025",
            "en": "host-companies-call-2025",
            "ar": "host-companies-call-2025",
        },
        "title": {
            "it": "Avviso per aziende ospitanti 2025",
            "en": "Call for host companies 2025",
            "ar": "إعلان للشركات المضيفة 2025",
        },
        "lead": {
            "it": "Il primo avviso per le aziende ospitanti si è chiuso con 41 candidature. Le imprese che non hanno ancora ospitato un tirocinio possono partecipare al nuovo avviso 2026–2027.",
            "en": "The first call for host companies closed with 41 applications. Companies that have not yet hosted an internship can take part in the new 2026–2027 call.",
            "ar": "أُغلق الإعلان الأول للشركات المضيفة بعد تلقي 41 طلباً. ويمكن للشركات التي لم تستضف متدرباً بعد المشاركة في الإعلان الجديد 2026–2027.",
        },
        "audience": "host_companies",
        "opens_in_days": -622,
        "closes_in_days": -418,
        "eligibility": [
            {
                "it": "Potevano candidarsi imprese, studi professionali, cooperative ed enti del terzo settore con una sede operativa in uno dei comuni del progetto, in regola con gli obblighi contributivi e con le norme sulla sicurezza.",
                "en": "Businesses, professional firms, cooperatives and third-sector organisations with an operating site in one of the project's municipalities, up to date with social security contributions and compliant with safety rules, could apply.",
                "ar": "كان يحق التقدم للشركات والمكاتب المهنية والتعاونيات ومنظمات القطاع الثالث التي لها مقر عمل في إحدى بلديات المشروع، والملتزمة بسداد الاشتراكات الاجتماعية وبقواعد السلامة.",
            },
        ],
        "exclusions": [
            {
                "it": "Erano escluse le aziende che avevano effettuato licenziamenti per le stesse mansioni nei dodici mesi precedenti.",
                "en": "Companies that had made dismissals for the same tasks in the previous twelve months were excluded.",
                "ar": "استُبعدت الشركات التي قامت بتسريح عاملين في المهام نفسها خلال الأشهر الاثني عشر السابقة.",
            },
        ],
        "how_to_apply": [
            {
                "it": "Le candidature si presentavano online. L'avviso è chiuso: per candidarsi oggi è possibile partecipare all'avviso per aziende ospitanti 2026–2027.",
                "en": "Applications were submitted online. This call is closed: companies wishing to apply now can take part in the call for host companies 2026–2027.",
                "ar": "كانت الطلبات تُقدَّم عبر الإنترنت. هذا الإعلان مغلق: ويمكن للشركات الراغبة في التقدم الآن المشاركة في إعلان الشركات المضيفة 2026–2027.",
            },
        ],
        "contacts": {
            "it": "Per informazioni sulle convenzioni già firmate scrivi ad approdo@colline-senesi.example.",
            "en": "For information about agreements already signed write to approdo@colline-senesi.example.",
            "ar": "للاستفسار عن الاتفاقيات الموقّعة سابقاً راسلنا على approdo@colline-senesi.example.",
        },
    },
    {
        "slug": {
            "it": "avviso-partecipanti-2025",
            "en": "participants-call-2025",
            "ar": "participants-call-2025",
        },
        "title": {
            "it": "Avviso per partecipanti 2025",
            "en": "Call for participants 2025",
            "ar": "إعلان للمشاركين 2025",
        },
        "lead": {
            "it": "Il primo avviso per i partecipanti ha raccolto 58 candidature proposte dai servizi e ha permesso di avviare i primi tirocini del progetto.",
            "en": "The first call for participants received 58 applications put forward by the services and made it possible to start the project's first internships.",
            "ar": "تلقى الإعلان الأول للمشاركين 58 طلباً رشّحتها الخدمات، وأتاح إطلاق أولى تدريبات المشروع.",
        },
        "audience": "participants",
        "opens_in_days": -600,
        "closes_in_days": -387,
        "eligibility": [
            {
                "it": "Potevano partecipare persone maggiorenni disoccupate o inattive, residenti nei comuni aderenti e seguite dai servizi sociali, dai servizi territoriali dell'azienda sanitaria o da percorsi di accoglienza e reinserimento.",
                "en": "Unemployed or inactive adults living in the participating municipalities and supported by social services, by the local health services or by reception and reintegration programmes could take part.",
                "ar": "كان يحق المشاركة للبالغين العاطلين عن العمل أو غير النشطين المقيمين في البلديات المشاركة، الذين تتابعهم الخدمات الاجتماعية أو الخدمات المحلية للهيئة الصحية أو برامج الاستقبال وإعادة الإدماج.",
            },
        ],
        "exclusions": [
            {
                "it": "Erano escluse le persone che stavano già svolgendo un altro tirocinio extracurricolare.",
                "en": "People who were already doing another non-curricular internship were excluded.",
                "ar": "استُبعد الأشخاص الذين كانوا يقومون بالفعل بتدريب آخر خارج المناهج الدراسية.",
            },
        ],
        "how_to_apply": [
            {
                "it": "Le candidature venivano presentate dai servizi di riferimento. L'avviso è chiuso: per le nuove candidature è aperto l'avviso per partecipanti 2026.",
                "en": "Applications were submitted by the services supporting each person. This call is closed: new applications can be made under the call for participants 2026.",
                "ar": "كانت الطلبات تُقدَّم من قِبل الخدمات التي تتابع كل شخص. هذا الإعلان مغلق: ويمكن تقديم الطلبات الجديدة ضمن إعلان المشاركين 2026.",
            },
        ],
        "contacts": {
            "it": "Per informazioni sui tirocini avviati con questo avviso scrivi ad approdo@colline-senesi.example.",
            "en": "For information about the internships started under this call write to approdo@colline-senesi.example.",
            "ar": "للاستفسار عن التدريبات التي انطلقت ضمن هذا الإعلان راسلنا على approdo@colline-senesi.example.",
        },
    },
]
