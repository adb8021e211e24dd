import pytest
from django.contrib.auth.models import Permission, User


@pytest.fixture
def editor(client):
    user = User.objects.create_user("editor", password="x", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="add_bulletin"))
    client.force_login(user)
    return user
