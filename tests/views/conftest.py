import datetime

import pytest


@pytest.fixture
def a_year_toll_beside_incidents(make_incident):
    """An incident of 2 killed and a year's toll (19,000, an aggregate) both on 1 January
    2016, and a month's toll of 30 in March, which stays in its month."""
    make_incident(date=datetime.date(2016, 1, 1), killed_total_best=2)
    make_incident(
        date=datetime.date(2016, 1, 1),
        date_end=datetime.date(2016, 12, 31),
        date_precision="year",
        aggregate=True,
        killed_total_best=19000,
    )
    make_incident(
        date=datetime.date(2016, 3, 1),
        date_end=datetime.date(2016, 3, 31),
        date_precision="month",
        killed_total_best=30,
    )
