import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MAT_DIALOG_DATA, MatDialog, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import {
  type CreatePaymentServiceRequest,
  PAYMENT_SERVICE_KIND_LABELS,
  PAYMENT_SERVICE_KINDS,
  type PaymentServiceEntry,
  type PaymentServiceKind,
} from '@madoguchi/contracts';
import { FieldErrorPipe } from '../core/forms/field-error.pipe';
import { noMyNumber } from '../core/forms/validators';
import { errorText } from '../core/http/error-text';
import { I18n, I18N_PIPES } from '../core/i18n';
import { CatalogApi } from './catalog-api';
import { saveAndClose } from './save-and-close';

/** Adds or edits one payment service; required items are typed one per line. */
@Component({
  selector: 'mg-payment-service-dialog',
  imports: [
    FieldErrorPipe,
    ReactiveFormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    ...I18N_PIPES,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>
      {{ data ? ('paymentServices.editTitle' | t: { name: data.name }) : ('paymentServices.newTitle' | t) }}
    </h2>
    <mat-dialog-content>
      @if (failure(); as message) {
        <p class="page-message error" role="alert">{{ message }}</p>
      }
      <form id="service-form" class="dialog-form" [formGroup]="form" (ngSubmit)="save()" novalidate>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'paymentServices.name' | t }}</mat-label>
          <input matInput formControlName="name" required />
          <mat-error>{{ form.controls.name.errors | fieldError }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'paymentServices.kind' | t }}</mat-label>
          <select matNativeControl formControlName="kind">
            @for (kind of kinds; track kind) {
              <option [value]="kind">{{ kindLabels[kind] | label }}</option>
            }
          </select>
        </mat-form-field>
        <mat-checkbox formControlName="appliesAtSpot">{{ 'paymentServices.appliesAtSpot' | t }}</mat-checkbox>
        <mat-checkbox formControlName="requiresPreRegistration">{{
          'paymentServices.requiresPreRegistration' | t
        }}</mat-checkbox>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'paymentServices.requiredItems' | t }}</mat-label>
          <textarea matInput formControlName="requiredItems" rows="3"></textarea>
          <mat-hint>{{ 'paymentServices.requiredItemsHint' | t }}</mat-hint>
          <mat-error>{{ form.controls.requiredItems.errors | fieldError }}</mat-error>
        </mat-form-field>
        <mat-checkbox formControlName="active">{{ 'paymentServices.active' | t }}</mat-checkbox>
      </form>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-stroked-button type="button" mat-dialog-close>{{ 'catalog.cancel' | t }}</button>
      <button mat-flat-button type="submit" form="service-form" [disabled]="saving()">
        {{ (saving() ? 'catalog.saving' : 'catalog.save') | t }}
      </button>
    </mat-dialog-actions>
  `,
})
export class PaymentServiceDialog {
  protected readonly data = inject<PaymentServiceEntry | null>(MAT_DIALOG_DATA);
  private readonly dialogRef = inject<MatDialogRef<PaymentServiceDialog, PaymentServiceEntry>>(MatDialogRef);
  private readonly api = inject(CatalogApi);
  private readonly i18n = inject(I18n);

  protected readonly kinds = PAYMENT_SERVICE_KINDS;
  protected readonly kindLabels = PAYMENT_SERVICE_KIND_LABELS;
  protected readonly form = inject(NonNullableFormBuilder).group({
    name: [this.data?.name ?? '', [Validators.required, noMyNumber]],
    kind: [(this.data?.kind ?? 'qr_code') as PaymentServiceKind],
    appliesAtSpot: [this.data?.appliesAtSpot ?? true],
    requiresPreRegistration: [this.data?.requiresPreRegistration ?? false],
    requiredItems: [(this.data?.requiredItems ?? []).join('\n'), noMyNumber],
    active: [this.data?.active ?? true],
  });
  protected readonly saving = signal(false);
  protected readonly failure = signal<string | null>(null);

  protected save(): void {
    if (this.form.invalid || this.saving()) {
      this.form.markAllAsTouched();
      return;
    }
    const value = this.form.getRawValue();
    const request: CreatePaymentServiceRequest = {
      ...value,
      name: value.name.trim(),
      requiredItems: value.requiredItems
        .split('\n')
        .map((item) => item.trim())
        .filter(Boolean),
    };
    const call = this.data
      ? this.api.updatePaymentService(this.data.id, request)
      : this.api.createPaymentService(request);
    saveAndClose(call, { ref: this.dialogRef, saving: this.saving, failure: this.failure, i18n: this.i18n });
  }
}

/** The payment service catalogue: what the counter and the self-check offer. */
@Component({
  selector: 'mg-payment-services-page',
  imports: [MatButtonModule, ...I18N_PIPES],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="page-head">
      <h1>{{ 'paymentServices.title' | t }}</h1>
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
            <th scope="col">{{ 'paymentServices.name' | t }}</th>
            <th scope="col">{{ 'paymentServices.kind' | t }}</th>
            <th scope="col">{{ 'paymentServices.appliesAtSpot' | t }}</th>
            <th scope="col">{{ 'paymentServices.requiresPreRegistration' | t }}</th>
            <th scope="col">{{ 'paymentServices.requiredItems' | t }}</th>
            <th scope="col">{{ 'paymentServices.active' | t }}</th>
            <th scope="col">{{ 'catalog.actions' | t }}</th>
          </tr>
        </thead>
        <tbody>
          @for (s of services(); track s.id) {
            <tr>
              <td>{{ s.name }}</td>
              <td>{{ kindLabels[s.kind] | label }}</td>
              <td>{{ (s.appliesAtSpot ? 'catalog.yes' : 'catalog.no') | t }}</td>
              <td>{{ (s.requiresPreRegistration ? 'catalog.yes' : 'catalog.no') | t }}</td>
              <td>{{ s.requiredItems.join('、') }}</td>
              <td>{{ (s.active ? 'catalog.yes' : 'paymentServices.inactive') | t }}</td>
              <td>
                <button mat-stroked-button type="button" (click)="edit(s)" [attr.aria-label]="editLabel(s.name)">
                  {{ 'catalog.edit' | t }}
                </button>
              </td>
            </tr>
          } @empty {
            <tr>
              <td colspan="7">{{ 'catalog.empty' | t }}</td>
            </tr>
          }
        </tbody>
      </table>
    </div>
  `,
  styles: `
    :host {
      display: block;
      max-width: 80rem;
      margin-inline: auto;
    }
  `,
})
export class PaymentServicesPage {
  private readonly api = inject(CatalogApi);
  private readonly dialog = inject(MatDialog);
  private readonly i18n = inject(I18n);

  protected readonly kindLabels = PAYMENT_SERVICE_KIND_LABELS;
  protected readonly services = signal<PaymentServiceEntry[]>([]);
  protected readonly message = signal<{ text: string; error: boolean } | null>(null);

  constructor() {
    this.load();
  }

  protected editLabel(name: string): string {
    return this.i18n.translate('paymentServices.editTitle', { name });
  }

  protected edit(service: PaymentServiceEntry | null): void {
    this.dialog
      .open<PaymentServiceDialog, PaymentServiceEntry | null, PaymentServiceEntry>(PaymentServiceDialog, {
        data: service,
        maxWidth: '36rem',
      })
      .afterClosed()
      .subscribe((saved) => {
        if (!saved) return;
        this.message.set({ text: this.i18n.translate('catalog.saved'), error: false });
        this.load();
      });
  }

  private load(): void {
    this.api.paymentServices().subscribe({
      next: (services) => this.services.set(services),
      error: (error: unknown) => this.message.set({ text: errorText(error, this.i18n), error: true }),
    });
  }
}
