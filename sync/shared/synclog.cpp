#include "synclog.h"

Q_LOGGING_CATEGORY(lcMerge, "clc.sync.merge", QtInfoMsg)
