"""StreamField blocks shared by the content pages."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock


class QuoteBlock(blocks.StructBlock):
    """A pull quote with its attribution (a participant, a tutor, a company)."""

    text = blocks.TextBlock(label=_("quote"))
    attribution = blocks.CharBlock(label=_("attribution"), required=False)

    class Meta:
        icon = "openquote"
        template = "blocks/quote_block.html"
        label = _("Quote")
        description = _("A sentence from a participant, a tutor or a company, with its author.")
        preview_value = {
            "text": "Dopo sei mesi so cosa voglio fare: lavorare in cucina.",
            "attribution": "Amina, tirocinante",
        }


class DocumentLinkBlock(blocks.StructBlock):
    """A link to a public document (a call's form, a report) with an optional label."""

    document = DocumentChooserBlock(label=_("document"))
    label = blocks.CharBlock(label=_("label"), required=False)

    class Meta:
        icon = "doc-full"
        template = "blocks/document_link_block.html"
        label = _("Document")
        description = _("A button that downloads a public document from the library.")


class CallToActionBlock(blocks.StructBlock):
    """A highlighted box with a button leading to a page or an external address."""

    title = blocks.CharBlock(label=_("title"))
    text = blocks.TextBlock(label=_("text"), required=False)
    button_label = blocks.CharBlock(label=_("button label"))
    page = blocks.PageChooserBlock(label=_("page"), required=False)
    url = blocks.URLBlock(label=_("external address"), required=False)

    class Meta:
        icon = "pick"
        template = "blocks/call_to_action_block.html"
        label = _("Call to action")
        description = _("A highlighted box with a button to a page or another website.")
        preview_value = {
            "title": "Diventa azienda ospitante",
            "text": "Registrati e prepara il tuo dossier in dieci minuti.",
            "button_label": "Candidati",
            "url": "https://example.org/",
        }

    def clean(self, value):
        value = super().clean(value)
        if not value.get("page") and not value.get("url"):
            raise blocks.StructBlockValidationError(
                block_errors={"page": _("Choose a page or enter an external address.")}
            )
        return value


class BodyBlock(blocks.StreamBlock):
    """The body of news, calls and standard pages."""

    paragraph = blocks.RichTextBlock(
        label=_("Text"),
        features=["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"],
        description=_("Paragraphs, headings, lists and links."),
        preview_value=(
            "<h2>Come funziona il tirocinio</h2><p>Sei mesi in azienda, con un tutor e "
            "un'indennità mensile a carico del progetto.</p>"
        ),
    )
    image = ImageBlock(
        label=_("Image"),
        description=_("An image with its alternative text (or marked as decorative)."),
    )
    quote = QuoteBlock()
    embed = EmbedBlock(
        label=_("Video or embed"),
        max_width=800,
        description=_("A video from YouTube or Vimeo, by its address."),
    )
    document = DocumentLinkBlock()
    call_to_action = CallToActionBlock()
