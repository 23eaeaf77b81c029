import importlib

import pytest
from django.apps import apps

from reports.models import Field, Unit
from tests.factories import make_province_user, make_unit_user


@pytest.fixture(autouse=True)
def _seeded_units_and_fields(db):
    """The units and fields of the data migration, put back if a transactional test elsewhere
    flushed the database (flushing drops migration data)."""
    importlib.import_module("reports.migrations.0002_seed_districts_and_fields").seed(_RenamedApps(), None)
    importlib.import_module("reports.migrations.0004_seed_units_over_time").seed(apps, None)


class _RenamedApps:
    """The app registry as the 0002 data migration knew it: its `District` is today's `Unit`."""

    def get_model(self, app_label, name):
        return apps.get_model(app_label, {"District": "Unit"}.get(name, name))


@pytest.fixture
def con_cuong(db):
    """Seeded by the reports data migration."""
    return Unit.objects.get(name="Huyện Con Cuông")


@pytest.fixture
def ky_son(db):
    return Unit.objects.get(name="Huyện Kỳ Sơn")


@pytest.fixture
def xa_con_cuong(db):
    """A commune-level unit from 01/07/2025, formed from communes of Huyện Con Cuông."""
    return Unit.objects.get(name="Xã Con Cuông")


@pytest.fixture
def xa_muong_xen(db):
    return Unit.objects.get(name="Xã Mường Xén")


@pytest.fixture
def commune_user(xa_con_cuong):
    return make_unit_user("canbo-xa-concuong", xa_con_cuong)


@pytest.fixture
def commune_client(client, commune_user):
    client.force_login(commune_user)
    return client


@pytest.fixture
def fields(db):
    """The five seeded fields, in order."""
    return list(Field.objects.active())


@pytest.fixture
def district_user(con_cuong):
    return make_unit_user("canbo-concuong", con_cuong)


@pytest.fixture
def district2_user(ky_son):
    return make_unit_user("canbo-kyson", ky_son)


@pytest.fixture
def province_user(db):
    return make_province_user("canbo-tinh")


@pytest.fixture
def district_client(client, district_user):
    client.force_login(district_user)
    return client


@pytest.fixture
def province_client(client, province_user):
    client.force_login(province_user)
    return client
