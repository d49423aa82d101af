#include "corelog.h"

Q_LOGGING_CATEGORY(lcStore, "clc.store", QtInfoMsg)
