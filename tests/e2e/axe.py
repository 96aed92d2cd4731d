"""Run axe-core (from the npm package) inside a Playwright page."""

BLOCKING_IMPACTS = {"serious", "critical"}


def axe_violations(page, axe_source, tags=("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")):
    """Serious and critical WCAG 2.1 A/AA violations on the current page."""
    # A click that navigates may still be loading the next page: audit the loaded one, not
    # a document whose head does not exist yet.
    page.wait_for_load_state("load")
    page.add_script_tag(content=axe_source)
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})",
        list(tags),
    )
    return [
        {
            "id": v["id"],
            "impact": v["impact"],
            "help": v["help"],
            "targets": [n["target"] for n in v["nodes"]][:5],
        }
        for v in result["violations"]
        if v["impact"] in BLOCKING_IMPACTS
    ]
