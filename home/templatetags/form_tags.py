"""Render Django form fields with Bootstrap Italia markup and accessible error wiring."""

from django import forms, template

register = template.Library()

CHECK_WIDGETS = (forms.CheckboxInput, forms.RadioSelect, forms.CheckboxSelectMultiple)


@register.filter
def is_checkbox(bound_field):
    """True for widgets drawn as a check box or radio list (label after the control)."""
    return isinstance(bound_field.field.widget, CHECK_WIDGETS)


@register.filter
def is_select(bound_field):
    return isinstance(bound_field.field.widget, forms.Select)


@register.simple_tag
def render_widget(bound_field):
    """The field's widget with the design-system class and ARIA links to help and errors."""
    widget = bound_field.field.widget
    attrs = {}
    described_by = []
    if bound_field.help_text:
        described_by.append(f"{bound_field.auto_id}-help")
    if bound_field.errors:
        described_by.append(f"{bound_field.auto_id}-errors")
        attrs["aria-invalid"] = "true"
    if described_by:
        attrs["aria-describedby"] = " ".join(described_by)
    if isinstance(widget, forms.CheckboxInput):
        attrs["class"] = "form-check-input"
    elif isinstance(widget, forms.Select):
        attrs["class"] = "form-select"
    elif not isinstance(widget, CHECK_WIDGETS):
        css = "form-control"
        if bound_field.errors:
            css += " is-invalid"
        attrs["class"] = css
    # The design system draws the label above the control; an empty placeholder keeps
    # allauth's "unlabeled" placeholders from duplicating it.
    if "placeholder" in widget.attrs:
        attrs["placeholder"] = ""
    return bound_field.as_widget(attrs=attrs)


@register.filter
def get_item(mapping, key):
    """Dictionary lookup by a variable key (e.g. a topic's name by its slug)."""
    return mapping.get(key) if hasattr(mapping, "get") else None
