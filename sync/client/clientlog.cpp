#include "clientlog.h"

Q_LOGGING_CATEGORY(lcClient, "clc.sync.client", QtInfoMsg)
