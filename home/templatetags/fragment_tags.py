"""``{% cached_listing "name" vary... %}…{% endcached_listing %}``: see home/fragments.py."""

from django import template

from home.fragments import cached

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
