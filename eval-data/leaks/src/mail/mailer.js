import sgMail from '@sendgrid/mail';
import formData from 'form-data';
import Mailgun from 'mailgun.js';

sgMail.setApiKey('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');

const mailgun = new Mailgun(formData);
export const mg = mailgun.client({ username: 'api', key: 'key-a1a09aa068c5900b43d4f16b18100f03' });
