"""The allowance's back office: admin menu and log actions."""

from wagtail import hooks


@hooks.register("register_admin_viewset")
def register_allowance():
    from allowance.backoffice.viewsets import AllowanceGroup

    return AllowanceGroup()
