"""Italian date formats as Italian is written: "mercoledì 23 settembre 2026, 14:30".

Django's Italian formats pad the day ("03 settembre") and its catalogue capitalises weekday
and month names; the lower-case names come from the project's catalogue (portal/formats/names.py).
"""

DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "l j F Y, H:i"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
