import pytest


@pytest.fixture
def monitoring_user(no_staff_mfa):
    """A staff member of the Monitoring group (and of nothing else), reading English."""
    from tests.factories.users import staff_in_group

    return staff_in_group("Monitoring")
