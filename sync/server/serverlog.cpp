#include "serverlog.h"

Q_LOGGING_CATEGORY(lcHttp, "clc.server.http", QtInfoMsg)
Q_LOGGING_CATEGORY(lcApi, "clc.server.api", QtInfoMsg)
Q_LOGGING_CATEGORY(lcServerStore, "clc.server.store", QtInfoMsg)
Q_LOGGING_CATEGORY(lcAdmin, "clc.server.admin", QtInfoMsg)
