# English pages show times on the 24-hour clock, as Kyrgyzstan reads them (and as the Kyrgyz and
# Russian pages do); "10 a.m." also ended sentences with a double full stop.
DATETIME_FORMAT = "N j, Y, H:i"
TIME_FORMAT = "H:i"
