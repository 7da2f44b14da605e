import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialog, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { Site } from '@madoguchi/contracts';
import { FieldErrorPipe } from '../core/forms/field-error.pipe';
import { noMyNumber } from '../core/forms/validators';
import { errorText } from '../core/http/error-text';
import { I18n, I18N_PIPES } from '../core/i18n';
import { CatalogApi } from './catalog-api';
import { saveAndClose } from './save-and-close';

/** Adds or renames a site (a counter of the desk). */
@Component({
  selector: 'mg-site-dialog',
  imports: [
    FieldErrorPipe,
    ReactiveFormsModule,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    ...I18N_PIPES,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ data ? ('sites.editTitle' | t: { name: data.name }) : ('sites.newTitle' | t) }}</h2>
    <mat-dialog-content>
      @if (failure(); as message) {
        <p class="page-message error" role="alert">{{ message }}</p>
      }
      <form id="site-form" class="dialog-form" [formGroup]="form" (ngSubmit)="save()" novalidate>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'sites.code' | t }}</mat-label>
          <input matInput formControlName="code" required autocomplete="off" />
          <mat-hint>{{ 'sites.codeHint' | t }}</mat-hint>
          <mat-error>{{ 'common.required' | t }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'sites.name' | t }}</mat-label>
          <input matInput formControlName="name" required />
          <mat-error>{{ form.controls.name.errors | fieldError }}</mat-error>
        </mat-form-field>
      </form>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-stroked-button type="button" mat-dialog-close>{{ 'catalog.cancel' | t }}</button>
      <button mat-flat-button type="submit" form="site-form" [disabled]="saving()">
        {{ (saving() ? 'catalog.saving' : 'catalog.save') | t }}
      </button>
    </mat-dialog-actions>
  `,
})
export class SiteDialog {
  protected readonly data = inject<Site | null>(MAT_DIALOG_DATA);
  private readonly dialogRef = inject<MatDialogRef<SiteDialog, Site>>(MatDialogRef);
  private readonly api = inject(CatalogApi);
  private readonly i18n = inject(I18n);
  protected readonly form = inject(NonNullableFormBuilder).group({
    code: [this.data?.code ?? '', Validators.required],
    name: [this.data?.name ?? '', [Validators.required, noMyNumber]],
  });
  protected readonly saving = signal(false);
  protected readonly failure = signal<string | null>(null);

  protected save(): void {
    if (this.form.invalid || this.saving()) {
      this.form.markAllAsTouched();
      return;
    }
    const request = { code: this.form.getRawValue().code.trim(), name: this.form.getRawValue().name.trim() };
    const call = this.data ? this.api.updateSite(this.data.id, request) : this.api.createSite(request);
    saveAndClose(call, { ref: this.dialogRef, saving: this.saving, failure: this.failure, i18n: this.i18n });
  }
}

/** The desk's sites (counters); cases and accounts belong to one. */
@Component({
  selector: 'mg-sites-page',
  imports: [MatButtonModule, ...I18N_PIPES],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="page-head">
      <h1>{{ 'sites.title' | t }}</h1>
      <button mat-flat-button type="button" (click)="edit(null)">{{ 'catalog.add' | t }}</button>
    </div>
    <div role="status">
      @if (message(); as m) {
        <p class="page-message" [class.error]="m.error">{{ m.text }}</p>
      }
    </div>
    <div class="data-table-wrap">
      <table class="data-table">
        <thead>
          <tr>
            <th scope="col">{{ 'sites.code' | t }}</th>
            <th scope="col">{{ 'sites.name' | t }}</th>
            <th scope="col">{{ 'catalog.actions' | t }}</th>
          </tr>
        </thead>
        <tbody>
          @for (site of sites(); track site.id) {
            <tr>
              <td>{{ site.code }}</td>
              <td>{{ site.name }}</td>
              <td>
                <button mat-stroked-button type="button" (click)="edit(site)" [attr.aria-label]="editLabel(site.name)">
                  {{ 'catalog.edit' | t }}
                </button>
              </td>
            </tr>
          } @empty {
            <tr>
              <td colspan="3">{{ 'catalog.empty' | t }}</td>
            </tr>
          }
        </tbody>
      </table>
    </div>
  `,
  styles: `
    :host {
      display: block;
      max-width: 60rem;
      margin-inline: auto;
    }
  `,
})
export class SitesPage {
  private readonly api = inject(CatalogApi);
  private readonly dialog = inject(MatDialog);
  private readonly i18n = inject(I18n);
  protected readonly sites = signal<Site[]>([]);
  protected readonly message = signal<{ text: string; error: boolean } | null>(null);

  constructor() {
    this.load();
  }

  protected editLabel(name: string): string {
    return this.i18n.translate('sites.editTitle', { name });
  }

  protected edit(site: Site | null): void {
    this.dialog
      .open<SiteDialog, Site | null, Site>(SiteDialog, { data: site, maxWidth: '32rem' })
      .afterClosed()
      .subscribe((saved) => {
        if (!saved) return;
        this.message.set({ text: this.i18n.translate('catalog.saved'), error: false });
        this.load();
      });
  }

  private load(): void {
    this.api.sites().subscribe({
      next: (sites) => this.sites.set(sites),
      error: (error: unknown) => this.message.set({ text: errorText(error, this.i18n), error: true }),
    });
  }
}
