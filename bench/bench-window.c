/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window on a large register: how long opening it blocks (the load,
 * then the view), how long until its first rows are drawn, and how long
 * each frame takes while scrolling through it. Prints figures; asserts
 * nothing. Usage (under a display or xvfb-run): bench-window REGISTER.json */
#include <locale.h>

#include "subproc-window-private.h"

static gint64 last_paint;
static GArray *frames;   /* of double: ms between paints while scrolling */

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       user_data)
{
  gint64 now = g_get_monotonic_time ();

  if (frames != NULL && last_paint != 0)
    {
      double ms = (now - last_paint) / 1000.0;

      g_array_append_val (frames, ms);
    }
  last_paint = now;
}

static void
wait_for_paint (void)
{
  gint64 before = last_paint;

  while (last_paint == before)
    g_main_context_iteration (NULL, TRUE);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static void
print_frames (const char *what)
{
  g_array_sort (frames, compare_doubles);
  g_print ("%-30s %3u frames: median %6.1f ms, 95th percentile %6.1f ms\n", what,
           frames->len, g_array_index (frames, double, frames->len / 2),
           g_array_index (frames, double, frames->len * 95 / 100));
  g_array_set_size (frames, 0);
  last_paint = 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GFile) file = NULL;
  GtkAdjustment *adjustment;
  GtkWidget *scrolled;
  SubprocWindow *window;
  gint64 start, opened;

  if (argc != 2)
    {
      g_printerr ("usage: bench-window REGISTER.json\n");
      return 2;
    }
  setlocale (LC_ALL, "C.UTF-8");
  gtk_init ();
  adw_init ();
  file = g_file_new_for_commandline_arg (argv[1]);

  window = subproc_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                    G_CALLBACK (after_paint_cb), NULL);
  wait_for_paint ();

  start = g_get_monotonic_time ();
  subproc_window_open_files (window, &file, 1);
  while (subproc_window_get_busy (window))
    g_main_context_iteration (NULL, TRUE);
  opened = g_get_monotonic_time ();
  g_print ("open (read in a thread, shown):   %7.1f ms\n", (opened - start) / 1000.0);
  do
    wait_for_paint ();
  while (g_list_model_get_n_items (subproc_window_get_visible_model (window)) == 0);
  g_print ("until the first rows are drawn:   %7.1f ms\n", (last_paint - start) / 1000.0);
  while (gtk_filter_list_model_get_pending (window->filter_model) > 0
         || gtk_sort_list_model_get_pending (window->sort_model) > 0)
    wait_for_paint ();
  g_print ("until all %u are in order:   %7.1f ms\n",
           g_list_model_get_n_items (subproc_window_get_visible_model (window)),
           (last_paint - start) / 1000.0);

  scrolled = gtk_widget_get_ancestor (GTK_WIDGET (window->column_view), GTK_TYPE_SCROLLED_WINDOW);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

  /* the same window redrawn without scrolling: what a frame costs here */
  frames = g_array_new (FALSE, FALSE, sizeof (double));
  for (guint step = 0; step < 50; step++)
    {
      gtk_widget_queue_draw (GTK_WIDGET (window->column_view));
      wait_for_paint ();
    }
  print_frames ("redrawn, not scrolled");

  /* as a mouse wheel scrolls: a few rows a frame */
  for (guint step = 0; step < 200; step++)
    {
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + 60);
      wait_for_paint ();
    }
  print_frames ("scrolled by 60 pixels a frame");

  /* dragging the scroll bar: jumps across the whole list */
  for (guint step = 0; step < 100; step++)
    {
      double upper = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);

      gtk_adjustment_set_value (adjustment, upper * ((step * 37) % 100) / 100.0);
      wait_for_paint ();
    }
  print_frames ("jumps across the list");

  gtk_window_destroy (GTK_WINDOW (window));
  g_array_unref (frames);
  return 0;
}
