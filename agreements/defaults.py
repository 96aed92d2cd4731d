"""The shipped templates: the agreement and the individual training project in it, en and ar.

Staff replace them per project and language (Settings → Agreement templates); these are used
where no replacement exists. Each is the body of a Django template that sees plain values
only: company, project, terms, placement (training project only) and document.
"""

AGREEMENT_IT = """
<h1>Convenzione di tirocinio di inclusione sociale</h1>
<p class="ref">Progetto {{ project.name }}{% if project.funder %} · {{ project.funder }}{% endif %}</p>
<h2>Tra</h2>
<p><strong>{{ terms.promoter_name }}</strong>, soggetto promotore, rappresentato da
{{ terms.promoter_representative }},</p>
<h2>e</h2>
<p><strong>{{ company.legal_name }}</strong> ({{ company.legal_form }}), codice fiscale
{{ company.codice_fiscale }}, partita IVA {{ company.partita_iva }}, con sede legale in
{{ company.address }}, {{ company.cap }} {{ company.comune }} ({{ company.provincia }}),
PEC {{ company.pec }}, soggetto ospitante, rappresentato da {{ company.legal_representative }},</p>
<h2>Art. 1 – Oggetto</h2>
<p>Il soggetto ospitante accoglie presso le proprie sedi tirocinanti del progetto, ciascuno con
un progetto formativo individuale che forma parte integrante della presente convenzione.</p>
<h2>Art. 2 – Impegni del soggetto ospitante</h2>
<p>Il soggetto ospitante nomina un tutor aziendale, garantisce la formazione sulla salute e
sicurezza e rispetta il progetto formativo individuale.</p>
<h2>Art. 3 – Assicurazioni</h2>
<p>Il soggetto promotore assicura i tirocinanti presso l'INAIL ({{ terms.insurance_inail }}) e
per la responsabilità civile verso terzi ({{ terms.insurance_liability }}).</p>
<h2>Art. 4 – Durata</h2>
<p>La convenzione vale fino al {{ project.ends_on }}.</p>
<p class="sign">Per il soggetto ospitante, il legale rappresentante: {{ company.legal_representative }}
(firma digitale)</p>
"""

AGREEMENT_EN = """
<h1>Social-inclusion internship agreement</h1>
<p class="ref">Project {{ project.name }}{% if project.funder %} · {{ project.funder }}{% endif %}</p>
<h2>Between</h2>
<p><strong>{{ terms.promoter_name }}</strong>, the promoter, represented by
{{ terms.promoter_representative }},</p>
<h2>and</h2>
<p><strong>{{ company.legal_name }}</strong> ({{ company.legal_form }}), tax code
{{ company.codice_fiscale }}, VAT number {{ company.partita_iva }}, registered office
{{ company.address }}, {{ company.cap }} {{ company.comune }} ({{ company.provincia }}),
PEC {{ company.pec }}, the host company, represented by {{ company.legal_representative }},</p>
<h2>Article 1 – Purpose</h2>
<p>The host company welcomes interns of the project at its sites, each with an individual
training project that is part of this agreement.</p>
<h2>Article 2 – The host company's commitments</h2>
<p>The host company appoints a company tutor, provides health and safety training and follows
the individual training project.</p>
<h2>Article 3 – Insurance</h2>
<p>The promoter insures the interns with INAIL ({{ terms.insurance_inail }}) and against
third-party liability ({{ terms.insurance_liability }}).</p>
<h2>Article 4 – Duration</h2>
<p>This agreement is valid until {{ project.ends_on }}.</p>
<p class="sign">For the host company, its legal representative: {{ company.legal_representative }}
(digital signature)</p>
"""

AGREEMENT_AR = """
<h1>اتفاقية تدريب للإدماج الاجتماعي</h1>
<p class="ref">المشروع <bdi>{{ project.name }}</bdi>{% if project.funder %} · <bdi>{{ project.funder }}</bdi>{% endif %}</p>
<h2>بين</h2>
<p><strong><bdi>{{ terms.promoter_name }}</bdi></strong>، الجهة المروّجة، ويمثلها
<bdi>{{ terms.promoter_representative }}</bdi>،</p>
<h2>و</h2>
<p><strong><bdi>{{ company.legal_name }}</bdi></strong>، الرمز الضريبي <bdi>{{ company.codice_fiscale }}</bdi>،
رقم ضريبة القيمة المضافة <bdi>{{ company.partita_iva }}</bdi>، ومقرها
<bdi>{{ company.address }}, {{ company.cap }} {{ company.comune }} ({{ company.provincia }})</bdi>،
الشركة المضيفة، ويمثلها <bdi>{{ company.legal_representative }}</bdi>،</p>
<h2>المادة 1 – الموضوع</h2>
<p>تستقبل الشركة المضيفة متدربي المشروع في مواقعها، لكل منهم مشروع تدريبي فردي يشكّل جزءًا من هذه الاتفاقية.</p>
<h2>المادة 2 – التزامات الشركة المضيفة</h2>
<p>تعيّن الشركة المضيفة مشرفًا من الشركة، وتوفّر التدريب على الصحة والسلامة، وتلتزم بالمشروع التدريبي الفردي.</p>
<h2>المادة 3 – التأمين</h2>
<p>تؤمّن الجهة المروّجة المتدربين لدى INAIL (<bdi>{{ terms.insurance_inail }}</bdi>) وضد المسؤولية المدنية
(<bdi>{{ terms.insurance_liability }}</bdi>).</p>
<h2>المادة 4 – المدة</h2>
<p>تسري هذه الاتفاقية حتى <bdi>{{ project.ends_on }}</bdi>.</p>
<p class="sign">عن الشركة المضيفة، ممثلها القانوني: <bdi>{{ company.legal_representative }}</bdi> (توقيع رقمي)</p>
"""

PROJECT_IT = """
<h1>Progetto formativo individuale</h1>
<p class="ref">Progetto {{ project.name }} · convenzione con {{ company.legal_name }}</p>
<table>
<tr><th scope="row">Tirocinante</th><td>{{ placement.intern_code }} · {{ placement.intern_name }}</td></tr>
<tr><th scope="row">Ruolo</th><td>{{ placement.role }}</td></tr>
<tr><th scope="row">Attività</th><td>{{ placement.tasks|linebreaksbr }}</td></tr>
<tr><th scope="row">Sede</th><td>{{ placement.site }}</td></tr>
<tr><th scope="row">Orario</th><td>{{ placement.weekly_hours }} ore settimanali · {{ placement.schedule }}</td></tr>
<tr><th scope="row">Periodo</th><td>dal {{ placement.starts_on }} al {{ placement.ends_on }}</td></tr>
<tr><th scope="row">Tutor del progetto</th><td>{{ placement.project_tutor }}</td></tr>
<tr><th scope="row">Tutor aziendale</th><td>{{ placement.company_tutor }}</td></tr>
<tr><th scope="row">Assicurazioni</th><td>INAIL: {{ terms.insurance_inail }} · RC: {{ terms.insurance_liability }}</td></tr>
</table>
<p class="sign">Per il soggetto ospitante: {{ company.legal_representative }} (firma digitale)</p>
"""

PROJECT_EN = """
<h1>Individual training project</h1>
<p class="ref">Project {{ project.name }} · agreement with {{ company.legal_name }}</p>
<table>
<tr><th scope="row">Intern</th><td>{{ placement.intern_code }} · {{ placement.intern_name }}</td></tr>
<tr><th scope="row">Role</th><td>{{ placement.role }}</td></tr>
<tr><th scope="row">Tasks</th><td>{{ placement.tasks|linebreaksbr }}</td></tr>
<tr><th scope="row">Site</th><td>{{ placement.site }}</td></tr>
<tr><th scope="row">Hours</th><td>{{ placement.weekly_hours }} hours a week · {{ placement.schedule }}</td></tr>
<tr><th scope="row">Period</th><td>from {{ placement.starts_on }} to {{ placement.ends_on }}</td></tr>
<tr><th scope="row">Project tutor</th><td>{{ placement.project_tutor }}</td></tr>
<tr><th scope="row">Company tutor</th><td>{{ placement.company_tutor }}</td></tr>
<tr><th scope="row">Insurance</th><td>INAIL: {{ terms.insurance_inail }} · liability: {{ terms.insurance_liability }}</td></tr>
</table>
<p class="sign">For the host company: {{ company.legal_representative }} (digital signature)</p>
"""

PROJECT_AR = """
<h1>المشروع التدريبي الفردي</h1>
<p class="ref">المشروع <bdi>{{ project.name }}</bdi> · اتفاقية مع <bdi>{{ company.legal_name }}</bdi></p>
<table>
<tr><th scope="row">المتدرب</th><td><bdi>{{ placement.intern_code }}</bdi> · <bdi>{{ placement.intern_name }}</bdi></td></tr>
<tr><th scope="row">الدور</th><td><bdi>{{ placement.role }}</bdi></td></tr>
<tr><th scope="row">المهام</th><td><bdi>{{ placement.tasks|linebreaksbr }}</bdi></td></tr>
<tr><th scope="row">الموقع</th><td><bdi>{{ placement.site }}</bdi></td></tr>
<tr><th scope="row">ساعات العمل</th><td>{{ placement.weekly_hours }} ساعة أسبوعيًا · <bdi>{{ placement.schedule }}</bdi></td></tr>
<tr><th scope="row">الفترة</th><td>من <bdi>{{ placement.starts_on }}</bdi> إلى <bdi>{{ placement.ends_on }}</bdi></td></tr>
<tr><th scope="row">مشرف المشروع</th><td><bdi>{{ placement.project_tutor }}</bdi></td></tr>
<tr><th scope="row">مشرف الشركة</th><td><bdi>{{ placement.company_tutor }}</bdi></td></tr>
<tr><th scope="row">التأمين</th><td>INAIL: <bdi>{{ terms.insurance_inail }}</bdi> · <bdi>{{ terms.insurance_liability }}</bdi></td></tr>
</table>
<p class="sign">عن الشركة المضيفة: <bdi>{{ company.legal_representative }}</bdi> (توقيع رقمي)</p>
"""

DEFAULTS = {
    ("agreement", "it"): AGREEMENT_IT,
    ("agreement", "en"): AGREEMENT_EN,
    ("agreement", "ar"): AGREEMENT_AR,
    ("training_project", "it"): PROJECT_IT,
    ("training_project", "en"): PROJECT_EN,
    ("training_project", "ar"): PROJECT_AR,
}

# The page around every body: one font that covers Latin and Arabic, so the bytes do not
# depend on which fonts a machine happens to prefer.
STYLE = """
@page { size: A4; margin: 2cm; @bottom-center { content: counter(page) " / " counter(pages); } }
body { font-family: "DejaVu Sans", sans-serif; font-size: 10pt; line-height: 1.4; }
h1 { font-size: 15pt; } h2 { font-size: 11pt; margin-top: 1em; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 0.5pt solid #555; padding: 4pt; text-align: start; vertical-align: top; }
.ref { color: #333; } .sign { margin-top: 3em; }
"""
