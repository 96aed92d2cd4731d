"""``{% cached_listing %}`` and ``{% page_fragment %}``: see home/fragments.py."""

from django import template

from home.fragments import cached, cached_page_part

register = template.Library()


class CachedListingNode(template.Node):
    def __init__(self, nodelist, name, vary_on):
        self.nodelist = nodelist
        self.name = name
        self.vary_on = vary_on

    def render(self, context):
        vary_on = [value.resolve(context) for value in self.vary_on]
        return cached(
            context["request"],
            self.name.resolve(context),
            vary_on,
            lambda: self.nodelist.render(context),
        )


@register.tag
def cached_listing(parser, token):
    """A listing rendered once per lifetime, host, language and content generation."""
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("cached_listing needs a name")
    nodelist = parser.parse(("endcached_listing",))
    parser.delete_first_token()
    return CachedListingNode(
        nodelist, parser.compile_filter(bits[1]), [parser.compile_filter(b) for b in bits[2:]]
    )


class PageFragmentNode(template.Node):
    def __init__(self, nodelist, name):
        self.nodelist = nodelist
        self.name = name

    def render(self, context):
        return cached_page_part(
            context, self.name.resolve(context), lambda: self.nodelist.render(context)
        )


@register.tag
def page_fragment(parser, token):
    """A part of a Wagtail page that is the same for every reader of its URL, kept per URL,
    template, language and content generation; rendered afresh anywhere else."""
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError("page_fragment needs a name, and only that")
    nodelist = parser.parse(("endpage_fragment",))
    parser.delete_first_token()
    return PageFragmentNode(nodelist, parser.compile_filter(bits[1]))
