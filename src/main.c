/* main.c
 *
 * Copyright 2026 The CPMS Access Guide authors
 *
 * This program is free software: you can redistribute it and/or modify
 * it under the terms of the GNU General Public License as published by
 * the Free Software Foundation, either version 3 of the License, or
 * (at your option) any later version.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <locale.h>

#include "guide-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GuideApplication) application = NULL;

  setlocale (LC_ALL, "");

  application = guide_application_new ();

  return g_application_run (G_APPLICATION (application), argc, argv);
}
