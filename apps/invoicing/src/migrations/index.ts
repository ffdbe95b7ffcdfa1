import { CreateInvoicing1795431100000 } from './1795431100000-create-invoicing';
import { IndexInvoicesByCustomer1796656798006 } from './1796656798006-index-invoices-by-customer';
import { ProductTaxClasses1796683989321 } from './1796683989321-product-tax-classes';
import { ApplyCreditNotesToInvoices1796684047692 } from './1796684047692-apply-credit-notes-to-invoices';
import { CustomerPaymentTerms1796684047693 } from './1796684047693-customer-payment-terms';
import { OrderChannels1796686518294 } from './1796686518294-order-channels';

/** The invoicing service's own migrations, in the order they run (after the shared tables'): its AppModule and `npm run migrate -- invoicing` use this list. */
export const invoicingMigrations: Function[] = [
  CreateInvoicing1795431100000,
  IndexInvoicesByCustomer1796656798006,
  ProductTaxClasses1796683989321,
  ApplyCreditNotesToInvoices1796684047692,
  CustomerPaymentTerms1796684047693,
  OrderChannels1796686518294,
];
