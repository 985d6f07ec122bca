/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "subproc-check.h"
#include "subproc-findings-group.h"

/* A processor's transfer findings as rows: an icon of the severity, the
 * message, the fix and the legal reference, and a button to the field
 * that fixes it where there is one. Hidden while there are none. */
struct _SubprocFindingsGroup
{
  AdwPreferencesGroup parent_instance;

  /* borrowed: static tables */
  const SubprocFindingFix *fixes;
  guint                    n_fixes;

  /* owned */
  GPtrArray               *rows;   /* GtkWidget, the rows shown */
};

G_DEFINE_FINAL_TYPE (SubprocFindingsGroup, subproc_findings_group, ADW_TYPE_PREFERENCES_GROUP)

enum
{
  FIX,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const SubprocFindingFix *
fix_for (SubprocFindingsGroup *self,
         const char           *code)
{
  for (guint i = 0; i < self->n_fixes; i++)
    if (g_str_equal (self->fixes[i].code, code))
      return &self->fixes[i];
  return NULL;
}

static void
fix_clicked_cb (GtkButton            *button,
                SubprocFindingsGroup *self)
{
  g_signal_emit (self, signals[FIX], 0, g_object_get_data (G_OBJECT (button), "target"));
}

static GtkWidget *
make_row (SubprocFindingsGroup *self,
          SubprocFinding       *finding)
{
  static const char * const icons[] = { "dialog-information-symbolic", "dialog-warning-symbolic", "dialog-error-symbolic" };
  static const char * const classes[] = { "accent", "warning", "error" };
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (icons[finding->severity]);
  const SubprocFindingFix *fix = fix_for (self, finding->code);
  g_autofree char *subtitle = NULL;

  /* the message names the register's countries and processors: text, not markup */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), finding->message);
  subtitle = finding->fix != NULL ? g_strdup_printf ("%s (%s)", finding->fix, finding->reference)
                                  : g_strdup (finding->reference);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_add_css_class (icon, classes[finding->severity]);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

  if (fix != NULL)
    {
      GtkWidget *button = gtk_button_new_with_mnemonic (_(fix->label));

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      g_object_set_data (G_OBJECT (button), "target", (gpointer) fix->target);
      g_signal_connect_object (button, "clicked", G_CALLBACK (fix_clicked_cb), self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }
  return row;
}

static void
subproc_findings_group_finalize (GObject *object)
{
  SubprocFindingsGroup *self = SUBPROC_FINDINGS_GROUP (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (subproc_findings_group_parent_class)->finalize (object);
}

static void
subproc_findings_group_class_init (SubprocFindingsGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = subproc_findings_group_finalize;

  /**
   * SubprocFindingsGroup::fix:
   * @target: the target of the finding's fix
   *
   * The user asked to fix a finding.
   */
  signals[FIX] = g_signal_new ("fix", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                               0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
subproc_findings_group_init (SubprocFindingsGroup *self)
{
  self->rows = g_ptr_array_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Transfer Findings"));
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GtkWidget *
subproc_findings_group_new (void)
{
  return g_object_new (SUBPROC_TYPE_FINDINGS_GROUP, NULL);
}

/**
 * subproc_findings_group_set_fixes:
 * @fixes: (array length=n_fixes): a static table
 *
 * Which findings have a button, what it says and where it leads.
 */
void
subproc_findings_group_set_fixes (SubprocFindingsGroup    *self,
                                  const SubprocFindingFix *fixes,
                                  guint                    n_fixes)
{
  g_return_if_fail (SUBPROC_IS_FINDINGS_GROUP (self));

  self->fixes = fixes;
  self->n_fixes = n_fixes;
}

/**
 * subproc_findings_group_set_findings:
 * @findings: (element-type SubprocFinding): what subproc_check_processor() found
 *
 * Shows @findings, replacing those shown.
 */
void
subproc_findings_group_set_findings (SubprocFindingsGroup *self,
                                     GPtrArray            *findings)
{
  g_return_if_fail (SUBPROC_IS_FINDINGS_GROUP (self));
  g_return_if_fail (findings != NULL);

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);

  for (guint i = 0; i < findings->len; i++)
    {
      GtkWidget *row = make_row (self, g_ptr_array_index (findings, i));

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
      g_ptr_array_add (self->rows, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self), findings->len > 0);
}

guint
subproc_findings_group_get_n_findings (SubprocFindingsGroup *self)
{
  g_return_val_if_fail (SUBPROC_IS_FINDINGS_GROUP (self), 0);

  return self->rows->len;
}
