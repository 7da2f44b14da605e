import { ArgumentMetadata, Injectable, ParseIntPipe, PipeTransform } from '@nestjs/common';
import { NotFoundProblem } from './problems';
import { MAX_ID } from './validators';

/**
 * A record id in a path: a whole number (else 400, as ParseIntPipe says), and 404 past the database's integer range,
 * where no record can be, before the query would fail on PostgreSQL.
 */
@Injectable()
export class ParseIdPipe implements PipeTransform<string, Promise<number>> {
  private readonly wholeNumber = new ParseIntPipe();

  async transform(value: string, metadata: ArgumentMetadata): Promise<number> {
    const id = await this.wholeNumber.transform(value, metadata);
    if (id < 1 || id > MAX_ID) throw new NotFoundProblem({ ja: `番号 ${id} のデータ`, en: `Record ${id}` });
    return id;
  }
}
